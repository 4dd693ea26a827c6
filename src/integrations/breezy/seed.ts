import { hash32 } from '../../seed/random.js';
import { iso } from '../../seed/reference-time.js';
import type { World, WorldAttachment, WorldCandidate, WorldUser } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import { breezyIds, OWN_COMPANY, sourceId, stageId, type BreezyIds } from './ids.js';
import type { BreezyCandidate, BreezyDocument, BreezyResume } from './raw.js';
import type { BreezyCompany } from './shapes/companies.js';
import { positionOf } from './seed-positions.js';
import { streamOf } from './seed-stream.js';
import { formFieldsOf } from './seed-forms.js';
import { scorecardsOf } from './seed-scorecards.js';

/**
 * The world as Breezy stores it. A Breezy candidate lives under one position: a person who applied to three
 * positions is three candidate records, each with its own `_id`, stage, source and files, tied together only by
 * `meta_id`. So each world application becomes one candidate row (job_id = its position), and the person's files
 * go to the record of the application they came with (files added to the profile go to the first one).
 *
 * Pinned ids: an application's pinned id is its record's `_id`; the first record takes the candidate's pinned id
 * when its application has none, so a pinned candidate id is always a fetchable `_id`.
 */
export function* breezySeed(world: World): Generator<SeedRecord> {
  const ids = breezyIds(saltOf(world));
  const company: BreezyCompany = {
    _id: ids.company,
    name: 'Initech Logistics',
    friendly_id: 'initech-logistics',
    initial: 'I',
    member_count: world.users.length,
    creation_date: iso(Math.min(...world.users.map((u) => u.createdAt))),
    updated_date: iso(Math.min(...world.users.map((u) => u.createdAt))),
  };
  // Keyed as the token owner's company: the positions list call names it, and nothing else in that call does.
  yield { kind: 'company', record: { id: company._id, keys: [OWN_COMPANY], created_at: company.creation_date, updated_at: company.updated_date, raw: JSON.stringify(company) } };

  for (const job of world.jobs) {
    const position = positionOf(ids, world, job);
    // Keyed by state: the positions list narrows by it (`?state=`).
    yield { kind: 'position', record: { id: position._id, keys: [`state:${position.state}`], created_at: position.creation_date, updated_at: position.updated_date, raw: JSON.stringify(position) } };
    yield* formFieldsOf(ids, position, job);
  }

  for (const c of world.candidates()) {
    if (c.applications.length === 0) continue; // Breezy has no candidate outside a position.
    const recordIds = c.applications.map((a, i) => a.pinnedId ?? (i === 0 && c.pinnedId !== undefined ? c.pinnedId : ids.candidate(a.n)));
    const filesByRecord = c.applications.map(() => [] as WorldAttachment[]);
    for (const f of c.attachments) {
      const i = f.applicationN === undefined ? 0 : Math.max(0, c.applications.findIndex((a) => a.n === f.applicationN));
      filesByRecord[i]!.push(f);
    }
    const shared = personFields(ids, c);
    for (const [i, a] of c.applications.entries()) {
      const id = recordIds[i]!;
      const positionId = ids.position(a.jobN);
      const { stage } = world.stages.get(a.stageN)!;
      const source = world.sources[a.sourceN - 1]!;
      const files = filesByRecord[i]!;
      const resumeFile = files.find((f) => f.kind === 'resume');
      const resume: BreezyResume | null = resumeFile
        ? { _id: resumeFile.pinnedId ?? ids.file(resumeFile.n), file_name: resumeFile.fileName, url: '', pdf_url: '', error: false }
        : null;
      const reason = a.rejectReasonN === undefined ? undefined : world.rejectReasons[a.rejectReasonN - 1]!;
      const candidate: BreezyCandidate = {
        _id: id,
        ...shared,
        origin: originOf(source.type),
        source: { id: sourceId(source.name), name: source.name, type: source.type },
        stage: { id: stageId(stage.position, stage.n), name: stage.name },
        tags: c.tags,
        creation_date: iso(a.appliedAt),
        updated_date: iso(a.lastActivityAt),
        disposition_date: a.rejectedAt === undefined ? null : iso(a.rejectedAt),
        disposition_reason: reason ? { _id: ids.reason(reason.n), name: reason.name } : null,
        assigned_to: c.recruiterN === null ? null : userRef(ids, world.users[c.recruiterN - 1]!),
        resume,
      };
      yield {
        kind: 'candidate',
        record: {
          id,
          refs: { job: positionId },
          created_at: candidate.creation_date,
          updated_at: candidate.updated_date,
          raw: JSON.stringify(candidate),
        },
      };
      const about = c.activities.filter((x) => (x.applicationN === null ? i === 0 : x.applicationN === a.n));
      const owner = { candidate: { _id: id, name: candidate.name }, position: { _id: positionId, name: world.jobs[a.jobN - 1]!.title }, companyId: ids.company, applicationN: a.n };
      yield* streamOf(ids, world, owner, about);
      yield* scorecardsOf(ids, world, id, positionId, c.scorecards.filter((x) => x.applicationN === a.n));
      // The documents list: the resume first, then every other file of this record.
      const ordered = resumeFile ? [resumeFile, ...files.filter((f) => f !== resumeFile)] : files;
      for (const f of ordered) {
        const fileId = f.pinnedId ?? ids.file(f.n);
        const raw: BreezyResume | BreezyDocument =
          f === resumeFile ? resume! : { _id: fileId, file_name: f.fileName, url: '', content_type: contentType(f.fileName) };
        yield {
          kind: 'attachment',
          record: {
            id: fileId,
            refs: { candidate: id, job: positionId },
            created_at: iso(f.createdAt),
            updated_at: iso(f.createdAt),
            raw: JSON.stringify(raw),
          },
        };
      }
    }
  }
}

type PersonFields = Omit<
  BreezyCandidate,
  '_id' | 'origin' | 'source' | 'stage' | 'tags' | 'creation_date' | 'updated_date' | 'disposition_date' | 'disposition_reason' | 'assigned_to' | 'resume'
>;

/** What every record of one person carries alike (Breezy copies the profile into each position's record). */
function personFields(ids: BreezyIds, c: WorldCandidate): PersonFields {
  const name = `${c.firstName} ${c.lastName}`;
  const job = c.employments[0];
  return {
    meta_id: ids.meta(c.n),
    name,
    initial: [...name][0]!.toUpperCase(),
    email_address: c.emails[0]?.address ?? null,
    phone_number: c.phones[0]?.number ?? null,
    headline: c.title,
    address: c.addresses[0]?.value ?? null,
    summary: null,
    cover_letter: null,
    profile_photo_url: null,
    recruited_by: null,
    referred_by: null,
    sourced_by: null,
    followed_by: {},
    overall_score: { very_good: [], good: [], neutral: [], poor: [], very_poor: [], scored_count: 0, score: 0 },
    questionnaire: null,
    education: c.educations.map((e) => ({
      school_name: e.school,
      field_of_study: null,
      degree: e.degree,
      is_current: false,
      start_date: { year: e.startYear, month: 9 },
      end_date: { year: e.endYear, month: 6 },
    })),
    work_history: job
      ? [{ company_name: c.company, title: c.title, summary: null, is_current: true, start_date: { year: job.startYear, month: 1 }, end_date: null }]
      : [],
    social_profiles: c.socials.map((url) => ({ type: 'linkedin', typeId: 'linkedin', typeName: 'LinkedIn', url })),
    custom_attributes: [],
  };
}

/** Breezy's `origin` is how the candidate came in; the world's source type says it. */
function originOf(sourceType: string): BreezyCandidate['origin'] {
  if (sourceType === 'referral') return 'referral';
  if (sourceType === 'prospecting') return 'sourced';
  if (sourceType === 'agency') return 'recruiter';
  return 'applied';
}

function userRef(ids: BreezyIds, u: WorldUser) {
  return {
    _id: ids.user(u.n),
    email_address: u.email,
    name: `${u.firstName} ${u.lastName}`,
    initial: [...u.firstName][0]!.toUpperCase(),
    username: u.email.split('@')[0]!,
  };
}

function contentType(fileName: string): string {
  return fileName.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
}

/**
 * The World carries no account id, but everything in it hangs off the account: its first user is drawn first
 * from the account's own stream (whatever the candidate count), so it salts the ids as the account would.
 */
export function saltOf(world: World): string {
  const u = world.users[0];
  return String(hash32(`${u?.email}:${u?.createdAt}`));
}

