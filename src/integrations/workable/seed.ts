import { iso } from '../../seed/reference-time.js';
import type { World, WorldApplication, WorldAttachment, WorldCandidate, WorldJob } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import { ACCOUNT, ids, more, seconds } from './ids.js';
import { toWorkableActivity } from './shapes/activities.js';
import { toWorkableDepartment } from './shapes/departments.js';
import { toWorkableJob } from './shapes/jobs.js';
import { toWorkableMember } from './shapes/members.js';
import { toWorkableStage, type WorkableStage } from './shapes/stages.js';
import type { WorkableCandidate, WorkableFile } from './raw.js';
import { activityRecord, candidateRecord, memberRecord } from './records.js';

/** Workable's timestamp for an instant of the world (whole seconds). */
export const wdate = (ms: number): string => `${iso(seconds(ms)).slice(0, 19)}Z`;
/** The same instant in the store's form, so the unified date filters compare like with like. */
const stored = (ms: number): string => iso(seconds(ms));

/** Workable's pipeline kinds for the world's stage names; a hired candidate sits in the "Hired" stage. */
const STAGE_KIND: Record<string, WorkableCandidate['stage_kind']> = {
  'Application Review': 'applied',
  'Recruiter Screen': 'phone-screen',
  'Hiring Manager Screen': 'phone-screen',
  'Technical Interview': 'assessment',
  'Onsite Interview': 'interview',
  'Reference Check': 'interview',
  Offer: 'offer',
};
const FILE_KIND: Record<string, WorkableFile['kind']> = {
  resume: 'resume',
  cover_letter: 'cover_letter',
  offer_letter: 'offer',
  take_home_test: 'assessment',
  other: 'other',
};
const SOURCE_CATEGORY: Record<string, string> = {
  job_board: 'Job boards',
  company_marketing: 'Company marketing',
  referral: 'Referrals',
  agency: 'Agencies',
  prospecting: 'Sourcing',
};

/** A candidate's id on the job of its `index`-th application: the person's pinned id names the first. */
export function candidacyId(c: WorldCandidate, a: WorldApplication, index: number): string {
  return (index === 0 ? c.pinnedId : undefined) ?? a.pinnedId ?? ids.candidate(a.n);
}

/**
 * The world as Workable keeps it. Workable has no applications: a candidate belongs to one job, and a person who
 * applied to two jobs is two candidates (the later one pointing back through `originating_candidate_id`). So each
 * world application is a candidate row under its job's shortcode; files go with the application they came in with,
 * files added to the profile with the person's first candidate. The full record is stored; the list's summary and
 * the file links are made when read.
 */
export function* workableSeed(world: World): Generator<SeedRecord> {
  for (const d of world.departments) yield row('department', more.department(d.n), null, stored(d.createdAt), stored(d.createdAt), toWorkableDepartment(d));
  for (const u of world.users) yield { kind: 'member', record: memberRecord(toWorkableMember(u), wdate(u.createdAt), wdate(Math.max(u.createdAt, u.updatedAt))) };
  const pipelines = new Map<number, WorkableStage[]>();
  for (const job of world.jobs) {
    const shortcode = ids.shortcode(job.n);
    const raw = toWorkableJob(job, world, wdate);
    // `remote_query[state]` (published, draft, closed, archived) finds jobs by this key.
    yield { kind: 'job', record: { id: shortcode, created_at: stored(job.createdAt), updated_at: stored(job.updatedAt), keys: [jobStateKey(raw.state)], raw: JSON.stringify(raw) } };
    const pipeline = pipeline_(job);
    pipelines.set(job.n, pipeline);
    for (const stage of pipeline) yield row('stage', String(stage.id), shortcode, stored(job.createdAt), stored(job.createdAt), stage);
  }
  // The account's `/stages`: each stage any pipeline has, once, as the first job to have it numbers it.
  const account = new Map<string, WorkableStage>();
  for (const pipeline of pipelines.values()) for (const stage of pipeline) if (!account.has(stage.slug)) account.set(stage.slug, stage);
  const first = stored(world.jobs[0]?.createdAt ?? 0);
  for (const stage of account.values()) {
    yield { kind: 'stage', record: { id: `account:${stage.slug}`, created_at: first, updated_at: first, keys: [ACCOUNT_PIPELINE], raw: JSON.stringify(stage) } };
  }

  for (const c of world.candidates()) {
    const firstId = candidacyId(c, c.applications[0]!, 0);
    const candidacies = new Map<number, { id: string; stage: WorkableStage | undefined }>();
    for (const [index, a] of c.applications.entries()) {
      const id = candidacyId(c, a, index);
      const files = c.attachments.filter((f) => f.applicationN === a.n || (index === 0 && f.applicationN === undefined));
      const candidate = candidacy(world, c, a, id, index === 0 ? null : firstId, files);
      const shortcode = candidate.job.shortcode;
      candidacies.set(a.n, { id, stage: pipelines.get(a.jobN)?.find((st) => st.name === candidate.stage) });
      yield { kind: 'candidate', record: candidateRecord(candidate) };
      for (const f of files) {
        const file: WorkableFile = { name: f.fileName, kind: FILE_KIND[f.subtype] ?? 'other', source: 'upload', preview_url: '' };
        yield {
          kind: 'attachment',
          record: {
            id: f.pinnedId ?? ids.file(f.n),
            refs: { candidate: id, application: id, job: shortcode },
            created_at: stored(f.createdAt),
            updated_at: stored(f.createdAt),
            raw: JSON.stringify(file),
          },
        };
      }
    }
    // Workable files a person's activities under a candidacy: the one it is about, else the first.
    const firstCandidacy = candidacies.get(c.applications[0]!.n)!;
    for (const act of c.activities) {
      const on = (act.applicationN !== null ? candidacies.get(act.applicationN) : undefined) ?? firstCandidacy;
      yield { kind: 'activity', record: activityRecord(toWorkableActivity(act, world, on.stage), on.id) };
    }
  }
}

/** The lookup key `remote_query[state]` finds jobs by. */
export const jobStateKey = (state: string): string => `state:${state}`;

/** The lookup key of the account-wide pipeline (`/stages`), beside the jobs' own (`/jobs/:shortcode/stages`). */
export const ACCOUNT_PIPELINE = 'pipeline:account';

/** A job's pipeline: its stages as the world orders them, then Workable's closing "Hired" stage. */
function pipeline_(job: WorldJob): WorkableStage[] {
  const stages = job.stages.map((st) => toWorkableStage(more.stage(st.n), st.name, STAGE_KIND[st.name] ?? 'interview', st.position + 1));
  stages.push(toWorkableStage(more.hiredStage(job.n), 'Hired', 'hired', stages.length + 1));
  return stages;
}

const updatedAt = (a: WorldApplication, files: readonly WorldAttachment[]) => Math.max(a.lastActivityAt, ...files.map((f) => f.createdAt));

function candidacy(
  world: World,
  c: WorldCandidate,
  a: WorldApplication,
  id: string,
  originating: string | null,
  files: readonly WorldAttachment[],
): WorkableCandidate {
  const job = world.jobs[a.jobN - 1]!;
  const stage = world.stages.get(a.stageN)!.stage;
  const source = world.sources[a.sourceN - 1]!;
  const hired = a.status === 'hired';
  const atOffer = hired || stage.name === 'Offer';
  const address = c.addresses[0]?.value ?? null;
  const year = (y: number) => `${y}-01-01`;
  const candidate: WorkableCandidate = {
    id,
    name: `${c.firstName} ${c.lastName}`,
    firstname: c.firstName,
    lastname: c.lastName,
    headline: c.title,
    image_url: null,
    account: { ...ACCOUNT },
    job: { shortcode: ids.shortcode(job.n), title: job.title },
    stage: hired ? 'Hired' : stage.name,
    stage_kind: hired ? 'hired' : (STAGE_KIND[stage.name] ?? 'interview'),
    disqualified: a.status === 'rejected',
    disqualified_at: a.rejectedAt === undefined ? null : wdate(a.rejectedAt),
    withdrew: false,
    anonymized: false,
    disqualification_reason: a.rejectReasonN === undefined ? null : world.rejectReasons[a.rejectReasonN - 1]!.name,
    hired_at: hired ? wdate(a.lastActivityAt) : null,
    moved_to_offer_at: atOffer ? wdate(a.appliedAt + Math.floor((a.lastActivityAt - a.appliedAt) * 0.8)) : null,
    sourced: source.type === 'prospecting',
    profile_url: `https://${ACCOUNT.subdomain}.workable.com/backend/jobs/${ids.backendJob(job.n)}/candidates/${ids.backendCandidate(a.n)}`,
    address,
    phone: c.phones[0]?.number ?? null,
    email: c.emails[0]?.address ?? null,
    outbound_mailbox: `${id}${(a.n * 7919).toString(36)}@outbound.workablemail.com`,
    domain: null,
    outlet: null,
    common_source: source.name,
    common_source_category: SOURCE_CATEGORY[source.type] ?? 'Other',
    uploader_id: null,
    created_at: wdate(a.appliedAt),
    updated_at: wdate(updatedAt(a, files)),
    cover_letter: null,
    summary: null,
    education_entries: c.educations.map((e) => ({
      id: ids.education(e.n),
      degree: e.degree,
      school: e.school,
      field_of_study: null,
      start_date: year(e.startYear),
      end_date: year(e.endYear),
    })),
    experience_entries: c.employments.map((e) => ({
      id: ids.experience(e.n),
      title: e.title,
      summary: null,
      start_date: year(e.startYear),
      end_date: e.endYear === null ? null : year(e.endYear),
      // The current job's employer is the candidate's company (Workable has no company field of its own).
      company: e.endYear === null ? c.company : e.company,
      industry: null,
      current: e.endYear === null,
    })),
    skills: [],
    answers: [],
    resume_url: null,
    tags: c.tags,
    location: { location_str: address, country: null, country_code: null, region: null, region_code: null, city: null, zip_code: null },
    originating_candidate_id: originating,
  };
  // Workable leaves `social_profiles` out when a candidate has none.
  if (c.socials.length > 0) {
    candidate.social_profiles = c.socials.map((url) => ({ type: 'linkedin', name: 'LinkedIn', username: null, url }));
  }
  return candidate;
}

function row(kind: string, id: string, jobId: string | null, created: string, updated: string, raw: object): SeedRecord {
  return {
    kind,
    record: { id, ...(jobId !== null ? { refs: { job: jobId } } : {}), created_at: created, updated_at: updated, raw: JSON.stringify(raw) },
  };
}

