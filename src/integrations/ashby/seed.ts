import { iso } from '../../seed/reference-time.js';
import type { World, WorldAttachment, WorldCandidate, WorldUser } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import { fileHandle, interviewPlanId, saltOf, uuid } from './ids.js';
import { organizationRecords } from './seed-organization.js';
import { applicationRecord, candidateRecord } from './records.js';
import { candidateStories } from './seed-stories.js';
import type { AshbyApplication, AshbyCandidate, AshbyContact, AshbyFileHandle, AshbySource, AshbyUser } from './raw.js';

/** What an attachment row stores: the file handle, and whether a `resumeFileHandle` names it. */
export interface StoredFile extends AshbyFileHandle {
  resume: boolean;
}

const SOURCE_TYPES: Record<string, string> = {
  job_board: 'Inbound',
  company_marketing: 'Inbound',
  referral: 'Referral',
  agency: 'Agency',
  prospecting: 'Sourced',
};
const REASON_TYPES: Record<string, string> = {
  'We rejected them': 'RejectedByOrg',
  'They rejected us': 'RejectedByCandidate',
  'None specified': 'Other',
};
const STATUS = { active: 'Active', rejected: 'Archived', hired: 'Hired' } as const;

/** Ashby's three contact kinds: it has no "mobile" or "home". */
export const contactType = (t: string): AshbyContact['type'] => (t === 'work' ? 'Work' : t === 'other' ? 'Other' : 'Personal');
/** Ashby keeps a phone as one string; an extension is written into it. */
export const phoneValue = (p: WorldCandidate['phones'][number]): string => (p.extension ? `${p.number} x${p.extension}` : p.number);

/** The resume files: the candidate's latest, and each application's latest (`resumeFileHandle`s). */
export function resumeFiles(c: WorldCandidate): { candidate?: WorldAttachment; byApplication: Map<number, WorldAttachment> } {
  let candidate: WorldAttachment | undefined;
  const byApplication = new Map<number, WorldAttachment>();
  for (const f of c.attachments) {
    if (f.kind !== 'resume') continue;
    candidate = f;
    if (f.applicationN !== undefined) byApplication.set(f.applicationN, f);
  }
  return { candidate, byApplication };
}

/** Social links: LinkedIn profiles first, then web sites, as Ashby lists a profile's links. */
export function socialLinks(c: WorldCandidate): { type: string; url: string }[] {
  return [...c.socials.map((url) => ({ type: 'LinkedIn', url })), ...c.websites.map((w) => ({ type: 'Website', url: w.url }))];
}

/**
 * The world as Ashby stores it: candidates (with their application ids and file handles inline, as
 * `candidate.info` answers them), applications (`application.info`), and one row per file handle. File URLs
 * depend on the caller's host: they are made when read, as `file.info` makes signed links.
 */
export function* ashbySeed(world: World): Generator<SeedRecord> {
  const salt = saltOf(world);
  const users = world.users.map((u) => userOf(salt, u));
  const sources = world.sources.map(
    (s): AshbySource => ({
      id: uuid(salt, 'source', s.n),
      title: s.name,
      isArchived: false,
      sourceType: { id: uuid(salt, 'sourceType', s.type), title: SOURCE_TYPES[s.type] ?? 'Other', isArchived: false },
    }),
  );
  // Everything shared by many records is made once per world: seeding 100,000 candidates must stay light.
  const jobs = world.jobs.map((job) => ({
    ref: {
      id: uuid(salt, 'job', job.n),
      title: job.title,
      locationId: uuid(salt, 'office', job.office),
      departmentId: uuid(salt, 'department', job.department),
    },
    hiringTeam: [hiringTeamMember(users[job.recruiterN - 1]!, 'Recruiter'), hiringTeamMember(users[job.hiringManagerN - 1]!, 'Hiring Manager')],
  }));
  const jobIds = jobs.map((j) => j.ref.id);
  const stages = new Map(
    [...world.stages].map(([n, { stage, jobN }]) => [
      n,
      {
        id: uuid(salt, 'stage', stage.n),
        title: stage.name,
        type: stage.position === 0 ? 'PreInterviewScreen' : stage.name === 'Offer' ? 'Offer' : 'Active',
        interviewPlanId: interviewPlanId(jobs[jobN - 1]!.ref.id),
        orderInInterviewPlan: stage.position,
        interviewStageGroupId: uuid(salt, 'stageGroup', stage.position === 0 ? 'screen' : 'interview'),
      },
    ]),
  );
  const reasons = world.rejectReasons.map((reason) => ({
    id: uuid(salt, 'archiveReason', reason.n),
    text: reason.name,
    reasonType: REASON_TYPES[reason.type] ?? 'Other',
    isArchived: false,
    customFields: [],
  }));
  const locations = new Map<string, NonNullable<AshbyCandidate['primaryLocation']>>();
  const location = (place: string) => {
    let l = locations.get(place);
    if (l === undefined) {
      locations.set(place, (l = locationOf(salt, place)));
      shared.add(l);
    }
    return l;
  };
  const shared = new SharedJson([...users, ...sources, ...stages.values(), ...reasons, ...jobs.flatMap((j) => [j.ref, j.hiringTeam])]);
  const tagIds = new Map<string, string>();
  const tagId = (title: string) => {
    let id = tagIds.get(title);
    if (id === undefined) tagIds.set(title, (id = uuid(salt, 'tag', title)));
    return id;
  };

  for (const c of world.candidates()) {
    const candidateId = c.pinnedId ?? uuid(salt, 'candidate', c.n);
    const appIds = new Map(c.applications.map((a) => [a.n, a.pinnedId ?? uuid(salt, 'application', a.n)]));
    const handles = new Map(
      c.attachments.map((f) => {
        const id = f.pinnedId ?? uuid(salt, 'file', f.n);
        return [f.n, { id, name: f.fileName, handle: fileHandle(id) } satisfies AshbyFileHandle];
      }),
    );
    const resumes = resumeFiles(c);
    const emails = c.emails.map((e, i): AshbyContact => ({ value: e.address, type: contactType(e.type), isPrimary: i === 0 }));
    const phones = c.phones.map((p, i): AshbyContact => ({ value: phoneValue(p), type: contactType(p.type), isPrimary: i === 0 }));
    const name = `${c.firstName} ${c.lastName}`;
    const place = c.addresses[0]?.value;
    const firstApp = c.applications[0];
    const candidate: AshbyCandidate = {
      id: candidateId,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      name,
      ...(emails[0] ? { primaryEmailAddress: emails[0] } : {}),
      emailAddresses: emails,
      ...(phones[0] ? { primaryPhoneNumber: phones[0] } : {}),
      phoneNumbers: phones,
      socialLinks: socialLinks(c),
      tags: c.tags.map((title) => ({ id: tagId(title), title, isArchived: false })),
      position: c.title,
      company: c.company,
      school: c.educations[0]?.school ?? null,
      applicationIds: c.applications.map((a) => appIds.get(a.n)!),
      ...(resumes.candidate ? { resumeFileHandle: handles.get(resumes.candidate.n)! } : {}),
      fileHandles: c.attachments.map((f) => handles.get(f.n)!),
      customFields: [],
      profileUrl: `https://app.ashbyhq.com/candidate-searches/new/right-side/candidates/${candidateId}`,
      source: firstApp ? sources[firstApp.sourceN - 1]! : null,
      creditedToUser: c.recruiterN === null ? null : users[c.recruiterN - 1]!,
      timezone: null,
      ...(place ? { primaryLocation: location(place) } : {}),
      fraudStatus: null,
    };
    yield { kind: 'candidate', record: candidateRecord(candidate, shared.stringify(candidate)) };

    for (const a of c.applications) {
      const job = jobs[a.jobN - 1]!;
      const resume = resumes.byApplication.get(a.n);
      const application: AshbyApplication = {
        id: appIds.get(a.n)!,
        createdAt: iso(a.appliedAt),
        updatedAt: iso(a.lastActivityAt),
        archivedAt: a.rejectedAt === undefined ? null : iso(a.rejectedAt),
        candidate: {
          id: candidateId,
          name,
          ...(emails[0] ? { primaryEmailAddress: emails[0] } : {}),
          ...(phones[0] ? { primaryPhoneNumber: phones[0] } : {}),
        },
        status: STATUS[a.status],
        ...(resume ? { resumeFileHandle: handles.get(resume.n)! } : {}),
        customFields: [],
        currentInterviewStage: stages.get(a.stageN)!,
        source: sources[a.sourceN - 1]!,
        creditedToUser: users[a.creditedToN - 1]!,
        archiveReason: a.rejectReasonN === undefined ? null : reasons[a.rejectReasonN - 1]!,
        job: job.ref,
        hiringTeam: job.hiringTeam,
        appliedViaJobPostingId: null,
        applicationHistory: [],
        submitterClientIp: null,
        submitterUserAgent: null,
      };
      yield { kind: 'application', record: applicationRecord(application, shared.stringify(application)) };
    }

    for (const f of c.attachments) {
      const handle = handles.get(f.n)!;
      const stored: StoredFile = {
        ...handle,
        resume: f === resumes.candidate || (f.applicationN !== undefined && resumes.byApplication.get(f.applicationN) === f),
      };
      const app = f.applicationN === undefined ? undefined : c.applications.find((a) => a.n === f.applicationN);
      yield {
        kind: 'attachment',
        record: {
          id: handle.id,
          refs: { candidate: candidateId, ...(app ? { application: appIds.get(app.n)!, job: jobs[app.jobN - 1]!.ref.id } : {}) },
          created_at: iso(f.createdAt),
          updated_at: iso(f.createdAt),
          raw: JSON.stringify(stored),
        },
      };
    }
    yield* candidateStories(c, { world, salt, users, candidateId, appIds, jobIds, stages });
  }

  yield* organizationRecords(world, { salt, users, jobs, stages, reasons });
}

/**
 * `JSON.stringify` for records whose top-level values are often shared objects (users, sources, stages, jobs):
 * each shared object is serialized once per world, not once per record. The text is the same as
 * `JSON.stringify`'s.
 */
class SharedJson {
  private readonly texts = new Map<object, string>();

  constructor(objects: object[]) {
    for (const o of objects) this.add(o);
  }

  add(o: object): void {
    this.texts.set(o, JSON.stringify(o));
  }

  stringify(record: object): string {
    let out = '';
    for (const [key, value] of Object.entries(record)) {
      if (value === undefined) continue;
      const text = value !== null && typeof value === 'object' ? this.texts.get(value as object) : undefined;
      out += `${out ? ',' : '{'}${JSON.stringify(key)}:${text ?? JSON.stringify(value)}`;
    }
    return `${out || '{'}}`;
  }
}

/** Ashby's permission levels for the world's roles: interviewers and hiring managers see only what they take part in. */
const GLOBAL_ROLE: Record<WorldUser['role'], AshbyUser['globalRole']> = {
  admin: 'Organization Admin',
  recruiter: 'Elevated Access',
  coordinator: 'Elevated Access',
  hiring_manager: 'Limited Access',
  interviewer: 'Limited Access',
};

function userOf(salt: string, u: WorldUser): AshbyUser {
  return {
    id: uuid(salt, 'user', u.n),
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
    globalRole: GLOBAL_ROLE[u.role],
    // Deactivated users stay listed (`includeDeactivated`): hiring teams and feedback still name them.
    isEnabled: !u.disabled,
    updatedAt: iso(Math.max(u.createdAt, u.updatedAt)),
  };
}

function hiringTeamMember(u: AshbyUser, role: string) {
  return { email: u.email, firstName: u.firstName, lastName: u.lastName, role, userId: u.id };
}

/** `City, ST` (a US or Canadian region) or `City, Country`, as Ashby's location components. */
function locationOf(salt: string, place: string): NonNullable<AshbyCandidate['primaryLocation']> {
  const [city, rest] = place.split(', ');
  const components: NonNullable<AshbyCandidate['primaryLocation']>['locationComponents'] = [{ type: 'City', name: city! }];
  if (rest) components.push({ type: rest.length === 2 ? 'Region' : 'Country', name: rest });
  return { id: uuid(salt, 'location', place), locationSummary: place, locationComponents: components };
}
