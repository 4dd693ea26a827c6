import { Random, hash32 } from './random.js';
import { DAY, REFERENCE_TIME } from './reference-time.js';
import * as N from './names.js';
import * as V from './vocabulary.js';
import { applicationForm } from './world/forms.js';
import { buildOrganization } from './world/organization.js';
import { assignRoles, fit } from './world/staff.js';
import { Storyteller } from './world/story.js';

/**
 * An account's hiring world, in no integration's words: people, jobs, applications and files. Each integration
 * renders it into its own raw records. Numbers (`n`) are 1-based and unique per kind within the account.
 */
export type WorldUserRole = 'admin' | 'recruiter' | 'coordinator' | 'hiring_manager' | 'interviewer';
export interface WorldUser {
  n: number;
  firstName: string;
  lastName: string;
  email: string;
  createdAt: number;
  /** What they mostly do in hiring; user 1 is the account's admin. */
  role: WorldUserRole;
  /** Left the company: kept as a user (their past records still point at them), but deactivated. */
  disabled: boolean;
  updatedAt: number;
}
export interface WorldDepartment { n: number; name: string; parentN: number | null; createdAt: number }
export interface WorldOffice { n: number; name: string; location: string; parentN: number | null; isRemote: boolean; createdAt: number }
export interface WorldStage {
  n: number;
  name: string;
  position: number;
  /** The interview held at this stage (`Phone Screen`, `Onsite`…); null for stages without one (Application Review, Offer). */
  interviewName: string | null;
  /** How long that interview usually takes (Greenhouse's `estimated_minutes`); null with no interview. */
  interviewMinutes: number | null;
}
export interface WorldTag { n: number; name: string; createdAt: number }
/** A question of a job's application form (job post). */
export interface WorldQuestion {
  n: number;
  /** The form's own key for the standard fields (`first_name`, `resume`…); null for a job's own questions. */
  key: string | null;
  label: string;
  /** Unified `job_form_fields.type` words. */
  type: 'text' | 'textarea' | 'dropdown' | 'file' | 'checkbox' | 'radio' | 'date' | 'number';
  required: boolean;
  /** For dropdown, radio and checkbox. */
  options: string[];
  /** The form's group: `Personal information`, `Questions`… */
  group: string;
  /** Whether answers are visible to the whole hiring team (`public`) or to admins (`private`). */
  visibility: 'public' | 'private';
}
export interface WorldJob {
  n: number;
  title: string;
  department: string;
  office: string;
  status: 'open' | 'closed' | 'draft';
  createdAt: number;
  updatedAt: number;
  stages: WorldStage[];
  hiringManagerN: number;
  recruiterN: number;
  departmentN: number;
  officeN: number;
  coordinatorN: number | null;
  /** The application form of its (one) job post. */
  questions: WorldQuestion[];
}
export interface WorldSource { n: number; name: string; type: string }
export interface WorldRejectReason { n: number; name: string; type: string }
export type AttachmentKind = 'resume' | 'cover_letter' | 'other';
export interface WorldAttachment {
  n: number;
  pinnedId?: string;
  kind: AttachmentKind;
  /** The ATS's finer word where it has one (`take_home_test`, `portfolio`…); `kind` is its unified class. */
  subtype: string;
  fileName: string;
  createdAt: number;
  /** The application it was uploaded with, if any. */
  applicationN?: number;
}
export interface WorldApplication {
  n: number;
  pinnedId?: string;
  jobN: number;
  stageN: number;
  status: 'active' | 'rejected' | 'hired';
  appliedAt: number;
  rejectedAt?: number;
  rejectReasonN?: number;
  sourceN: number;
  creditedToN: number;
  lastActivityAt: number;
}
/** An interview on an application, at one of its job's stages, dates in the application's story. */
export interface WorldInterview {
  n: number;
  applicationN: number;
  /** A stage of the application's job that has an interview, at or before the application's current stage. */
  stageN: number;
  organizerN: number;
  interviewerNs: number[];
  startAt: number;
  endAt: number;
  /** Unified words; past interviews are `completed` (or `awaiting_feedback` without every scorecard), future ones `scheduled`. */
  status: 'scheduled' | 'completed' | 'cancelled' | 'awaiting_feedback';
  /** `Zoom`, `Google Meet`, an office name… */
  location: string;
  createdAt: number;
  updatedAt: number;
}
export type WorldRecommendation = 'definitely_not' | 'no' | 'yes' | 'strong_yes' | 'no_decision';
/** One interviewer's feedback on one completed interview. */
export interface WorldScorecard {
  n: number;
  applicationN: number;
  interviewN: number;
  interviewerN: number;
  submittedAt: number;
  recommendation: WorldRecommendation;
  /** The rated attributes and free-text answers of the form. */
  answers: { label: string; kind: 'rating' | 'text'; value: string }[];
  createdAt: number;
  updatedAt: number;
}
/** An offer on an application that reached its job's Offer stage; a hired application's latest offer is accepted. */
export interface WorldOffer {
  n: number;
  applicationN: number;
  creatorN: number;
  /** Earlier versions of a renegotiated offer are `deprecated`. */
  status: 'draft' | 'sent' | 'accepted' | 'declined' | 'deprecated';
  version: number;
  createdAt: number;
  sentAt: number | null;
  /** When the candidate accepted or declined it. */
  resolvedAt: number | null;
  /** The start date agreed (day precision, as ms at 00:00 UTC). */
  startDate: number;
  updatedAt: number;
}
/** A note or an email on the candidate's activity feed. */
export interface WorldActivity {
  n: number;
  kind: 'note' | 'email';
  /** The user who wrote it (notes, emails sent to the candidate); for an email from the candidate, null. */
  authorN: number | null;
  /** For emails: who it went to and came from (addresses), and its subject. */
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  body: string;
  visibility: 'public' | 'private' | 'admin_only';
  createdAt: number;
  /** The application it is about, if any. */
  applicationN: number | null;
}
/** Self-identification answers (US EEOC), given by some candidates with one of their applications. */
export interface WorldEeoc {
  applicationN: number;
  race: string;
  gender: string;
  veteranStatus: string;
  disabilityStatus: string;
  submittedAt: number;
}
export interface WorldCandidate {
  n: number;
  pinnedId?: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  emails: { address: string; type: 'personal' | 'work' | 'other' }[];
  phones: { number: string; type: 'mobile' | 'home' | 'work'; extension?: string }[];
  addresses: { value: string; type: 'home' | 'work' }[];
  websites: { url: string; type: 'personal' | 'portfolio' | 'blog' | 'company' }[];
  socials: string[];
  tags: string[];
  educations: { n: number; school: string; degree: string; startYear: number; endYear: number }[];
  employments: { n: number; company: string; title: string; startYear: number; endYear: number | null }[];
  isPrivate: boolean;
  canEmail: boolean;
  createdAt: number;
  updatedAt: number;
  lastActivityAt: number;
  recruiterN: number | null;
  coordinatorN: number | null;
  applications: WorldApplication[];
  attachments: WorldAttachment[];
  interviews: WorldInterview[];
  scorecards: WorldScorecard[];
  offers: WorldOffer[];
  activities: WorldActivity[];
  eeoc: WorldEeoc | null;
}

export interface PinnedCandidate {
  id: string;
  first_name: string;
  last_name: string;
  email?: string;
  company?: string;
  title?: string;
  tags?: string[];
  applications?: { id?: string; status: WorldApplication['status'] }[];
  attachments?: { id?: string; type: AttachmentKind; application?: number }[];
}

export interface World {
  users: WorldUser[];
  departments: WorldDepartment[];
  offices: WorldOffice[];
  tags: WorldTag[];
  jobs: WorldJob[];
  stages: Map<number, { stage: WorldStage; jobN: number }>;
  sources: WorldSource[];
  rejectReasons: WorldRejectReason[];
  candidateCount: number;
  /** Candidates are generated on demand, in order, so 100,000 of them never sit in memory at once. */
  candidates(): Generator<WorldCandidate>;
}

const SPAN = 3 * 365 * DAY;
/**
 * A pipeline is a funnel: of the applications at a stage, this share moves on to the next. Most applications stop at
 * Application Review and few reach the Onsite, as in a real account, so an application has about one interview and
 * one scorecard on average.
 */
const MOVES_ON = 0.45;
const JOB_LEAD = 20 / (3 * 365);
const ASCII = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();

export function buildWorld(seed: number, accountId: string, candidateCount: number, pinned: readonly PinnedCandidate[]): World {
  const rnd = new Random(hash32(`${seed}:${accountId}`));
  const companyDomain = `${rnd.pick(N.COMPANY_NOUNS).toLowerCase()}${rnd.pick(['hq', 'labs', 'works', 'co', 'ly'])}.com`;

  const userCount = Math.min(200, 8 + Math.floor(candidateCount / 100));
  const users: WorldUser[] = [];
  for (let n = 1; n <= userCount; n++) {
    const firstName = rnd.pick(rnd.bool() ? N.FIRST_NAMES.female : N.FIRST_NAMES.male);
    const lastName = rnd.pick(N.LAST_NAMES);
    users.push({
      n,
      firstName,
      lastName,
      email: `${ASCII(firstName)}.${ASCII(lastName)}@${companyDomain}`,
      createdAt: REFERENCE_TIME - SPAN - rnd.int(30, 400) * DAY,
      role: 'interviewer',
      disabled: false,
      updatedAt: 0,
    });
  }
  // Roles from a stream of their own (so nothing drawn from `rnd` moves); the jobs' and candidates' people fit them.
  const staff = assignRoles(users, seed, accountId, SPAN);

  const jobCount = Math.min(5000, 6 + Math.floor(candidateCount / 25));
  const jobs: WorldJob[] = [];
  const stages = new Map<number, { stage: WorldStage; jobN: number }>();
  let stageN = 0;
  const departments = Object.keys(V.DEPARTMENTS);
  const { departments: worldDepartments, offices, tags } = buildOrganization(seed, accountId, REFERENCE_TIME - SPAN - 20 * DAY);
  // What jobs gained with the richer world (coordinators, application forms) comes from a stream of its own.
  const posts = new Random(hash32(`${seed}:${accountId}:job posts`));
  let questionN = 0;
  const nextQuestion = () => ++questionN;
  for (let n = 1; n <= jobCount; n++) {
    const department = rnd.pick(departments);
    const createdAt = REFERENCE_TIME - SPAN - 20 * DAY + Math.floor(((n - 1) / jobCount) * SPAN);
    const names = V.STAGES.filter((s, i) => i === 0 || s === 'Offer' || rnd.bool(0.75));
    const jobStages = names.map((name, position) => ({
      n: ++stageN,
      name,
      position,
      interviewName: V.STAGE_INTERVIEWS[name]?.name ?? null,
      interviewMinutes: V.STAGE_INTERVIEWS[name]?.minutes ?? null,
    }));
    for (const stage of jobStages) stages.set(stage.n, { stage, jobN: n });
    jobs.push({
      n,
      title: `${rnd.pick(V.JOB_LEVELS)}${rnd.pick(V.DEPARTMENTS[department]!)}`.replace('Senior Senior', 'Senior'),
      department,
      office: rnd.pick(V.OFFICES),
      status: rnd.weighted([[0.7, 'open'], [0.25, 'closed'], [0.05, 'draft']] as const),
      createdAt,
      updatedAt: createdAt + rnd.int(1, 60) * DAY,
      stages: jobStages,
      hiringManagerN: fit(rnd.int(1, userCount), staff.hiringManagers),
      recruiterN: fit(rnd.int(1, userCount), staff.recruiters),
      departmentN: 0,
      officeN: 0,
      coordinatorN: null,
      questions: [],
    });
    const job = jobs[n - 1]!;
    job.departmentN = departments.indexOf(job.department) + 1;
    job.officeN = V.OFFICES.indexOf(job.office) + 1;
    job.coordinatorN = posts.bool(0.7) ? posts.pick(staff.coordinators) : null;
    job.questions = applicationForm(posts, job.department, nextQuestion);
  }
  const sources = V.SOURCES.map(([name, type], i) => ({ n: i + 1, name, type }));
  const rejectReasons = V.REJECT_REASONS.map(([name, type], i) => ({ n: i + 1, name, type }));

  function* candidates(): Generator<WorldCandidate> {
    // A stream of its own, so the candidates do not depend on how many users or jobs were drawn before them.
    const r = new Random(hash32(`${seed}:${accountId}:candidates`));
    const teller = new Storyteller(seed, accountId, { users, jobs, offices, staff });
    let applicationN = 0;
    let attachmentN = 0;
    for (let n = 1; n <= candidateCount; n++) {
      const pin = pinned[n - 1];
      const female = r.bool();
      const firstName = pin?.first_name ?? r.pick(female ? N.FIRST_NAMES.female : N.FIRST_NAMES.male);
      const lastName = pin?.last_name ?? r.pick(N.LAST_NAMES);
      const employer = `${r.pick(N.LAST_NAMES)} ${r.pick(V.COMPANY_SUFFIXES)}`;
      const company = pin?.company ?? employer;
      const title = pin?.title ?? r.pick(V.CANDIDATE_TITLES);
      const first = ASCII(firstName);
      const last = ASCII(lastName);
      const personal =
        pin?.email ?? `${r.pick([`${first}.${last}`, `${first}${last}`, `${first[0]}${last}`, `${first}.${last}${r.int(1, 99)}`])}@${r.pick(N.FREE_EMAIL)}`;
      const emails: WorldCandidate['emails'] = [{ address: personal, type: 'personal' }];
      if (r.bool(0.3)) emails.push({ address: `${first}.${last}@${ASCII(company.split(' ')[0]!)}.com`, type: 'work' });
      const phones: WorldCandidate['phones'] = [{ number: phone(r), type: 'mobile' }];
      if (r.bool(0.2)) phones.push({ number: phone(r), type: 'work', ...(r.bool(0.5) ? { extension: r.digits(3) } : {}) });
      const city = r.pick(V.PLACES);
      const addresses: WorldCandidate['addresses'] = r.bool(0.85) ? [{ value: city, type: 'home' }] : [];
      const websites: WorldCandidate['websites'] = r.bool(0.35)
        ? [{ url: `https://${first}${last}.${r.pick(['dev', 'io', 'me', 'com'])}`, type: r.pick(['personal', 'portfolio', 'blog'] as const) }]
        : [];
      const socials = r.bool(0.6) ? [`https://www.linkedin.com/in/${first}-${last}-${r.digits(4)}`] : [];
      const tags = pin?.tags ?? r.sample(V.TAGS, r.weighted([[0.45, 0], [0.35, 1], [0.15, 2], [0.05, 3]] as const));

      // Candidates arrive in id order over three years, so list order is also creation order.
      const createdAt = REFERENCE_TIME - SPAN + Math.floor(((n - 1) / candidateCount) * (SPAN - 2 * DAY)) + r.int(0, 3_600_000);
      const room = REFERENCE_TIME - createdAt;
      const updatedAt = createdAt + Math.floor(room * r.next() * 0.9);
      const gradYear = new Date(createdAt).getUTCFullYear() - r.int(1, 15);
      const educations = r.bool(0.7)
        ? [{ n: n, school: r.pick(V.SCHOOLS), degree: r.pick(V.DEGREES), startYear: gradYear - 4, endYear: gradYear }]
        : [];
      const employments = [
        { n, company: employer, title, startYear: gradYear + r.int(0, 3), endYear: null },
      ];

      const wanted: { id?: string; status: WorldApplication['status'] }[] =
        pin?.applications ??
        Array.from({ length: r.weighted([[0.6, 1], [0.25, 2], [0.1, 3], [0.05, 4]] as const) }, () =>
          r.weighted([[0.55, 'active'], [0.38, 'rejected'], [0.07, 'hired']] as const),
        ).map((status) => ({ status }));
      // Candidates apply to jobs that were already posted: the latest few dozen before they arrived.
      const posted = 1 + Math.floor(((n - 1) / candidateCount + JOB_LEAD) * jobCount);
      const newestJob = Math.min(jobCount, Math.max(posted, wanted.length));
      const openJobs = Array.from({ length: Math.min(newestJob, 40) }, (_, i) => newestJob - i);
      const appStatuses = wanted.slice(0, openJobs.length);
      const jobNs = r.sample(openJobs, appStatuses.length);
      const applications: WorldApplication[] = appStatuses.map((spec, i) => {
        const job = jobs[jobNs[i]! - 1]!;
        // Never before the job was posted (pinned candidates may be given jobs posted after they arrived).
        const appliedAt = Math.max(
          createdAt + Math.floor((updatedAt - createdAt) * r.next() * 0.3),
          job.createdAt + r.int(3_600_000, 5 * DAY),
        );
        const lastActivityAt = appliedAt + Math.floor(Math.max(0, updatedAt - appliedAt) * (0.5 + r.next() * 0.5));
        // A rejected application never got to the Offer stage; an active one may wait there. A pinned candidate shows
        // the whole surface (it has the full story too), so its applications are anywhere along the way.
        const furthest = Math.max(0, job.stages.length - (spec.status === 'active' ? 1 : 2));
        const reached = spec.status === 'hired' ? job.stages.length - 1 : pin ? r.int(0, furthest) : Math.min(stagesPassed(r), furthest);
        const rejected = spec.status === 'rejected';
        return {
          n: ++applicationN,
          ...(spec.id !== undefined ? { pinnedId: spec.id } : {}),
          jobN: job.n,
          stageN: job.stages[reached]!.n,
          status: spec.status,
          appliedAt,
          ...(rejected ? { rejectedAt: lastActivityAt, rejectReasonN: r.int(1, rejectReasons.length) } : {}),
          sourceN: r.int(1, sources.length),
          creditedToN: job.recruiterN,
          lastActivityAt,
        };
      });

      const kinds: { kind: AttachmentKind; application?: number; id?: string }[] = pin?.attachments?.map((a) => ({
        kind: a.type,
        ...(a.application !== undefined ? { application: a.application } : {}),
        ...(a.id !== undefined ? { id: a.id } : {}),
      })) ?? drawAttachments(r, applications.length);
      const attachments = kinds.map(({ kind, application, id }) => {
        const [subtype, fileName] = attachmentFile(r, kind, firstName, lastName);
        const app = application !== undefined ? applications[application] : undefined;
        return {
          n: ++attachmentN,
          ...(id !== undefined ? { pinnedId: id } : {}),
          kind,
          subtype,
          fileName,
          createdAt: (app?.appliedAt ?? createdAt) + r.int(0, 600_000),
          ...(app ? { applicationN: app.n } : {}),
        };
      });

      const candidate: WorldCandidate = {
        n,
        ...(pin ? { pinnedId: pin.id } : {}),
        firstName,
        lastName,
        company,
        title,
        emails,
        phones,
        addresses,
        websites,
        socials,
        tags,
        educations,
        employments,
        isPrivate: r.bool(0.05),
        canEmail: r.bool(0.93),
        createdAt,
        updatedAt: Math.max(updatedAt, ...attachments.map((a) => a.createdAt), ...applications.map((a) => a.lastActivityAt)),
        lastActivityAt: Math.max(updatedAt, ...attachments.map((a) => a.createdAt), ...applications.map((a) => a.lastActivityAt)),
        recruiterN: r.bool(0.8) ? fit(r.int(1, userCount), staff.recruiters) : null,
        coordinatorN: r.bool(0.4) ? fit(r.int(1, userCount), staff.coordinators) : null,
        applications,
        attachments,
        interviews: [],
        scorecards: [],
        offers: [],
        activities: [],
        eeoc: null,
      };
      const story = teller.tell(candidate, pin !== undefined);
      candidate.interviews = story.interviews;
      candidate.scorecards = story.scorecards;
      candidate.offers = story.offers;
      candidate.activities = story.activities;
      candidate.eeoc = story.eeoc;
      yield candidate;
    }
  }

  return { users, departments: worldDepartments, offices, tags, jobs, stages, sources, rejectReasons, candidateCount, candidates };
}

/** How many stages an application moved past: 0 with probability 1 - MOVES_ON, 1 with MOVES_ON × that, and so on. */
function stagesPassed(r: Random): number {
  return Math.floor(Math.log(1 - r.next()) / Math.log(MOVES_ON));
}

function phone(r: Random): string {
  return `+1 ${r.int(201, 989)}-${r.int(200, 999)}-${r.digits(4)}`;
}

function drawAttachments(r: Random, applications: number): { kind: AttachmentKind; application?: number }[] {
  const count = r.weighted([[0.2, 0], [0.35, 1], [0.3, 2], [0.1, 3], [0.05, 5]] as const);
  const out: { kind: AttachmentKind; application?: number }[] = [];
  for (let i = 0; i < count; i++) {
    const kind: AttachmentKind = i === 0 ? 'resume' : i === 1 ? 'cover_letter' : 'other';
    // Most files come in with an application; some are added to the profile later.
    out.push(applications > 0 && r.bool(0.7) ? { kind, application: r.int(0, applications - 1) } : { kind });
  }
  return out;
}

function attachmentFile(r: Random, kind: AttachmentKind, first: string, last: string): [string, string] {
  const base = `${first}_${last}`.replace(/[^A-Za-z0-9_]/g, '');
  const ext = r.bool(0.75) ? 'pdf' : 'docx';
  if (kind === 'resume') return ['resume', `${base}_Resume.${ext}`];
  if (kind === 'cover_letter') return ['cover_letter', `${base}_Cover_Letter.${ext}`];
  const [subtype, label] = r.pick([
    ['take_home_test', 'Take_Home_Test'],
    ['other', 'Portfolio'],
    ['other', 'References'],
    ['other', 'Transcript'],
    ['offer_letter', 'Signed_Offer_Letter'],
  ] as const);
  return [subtype, `${base}_${label}.${ext}`];
}
