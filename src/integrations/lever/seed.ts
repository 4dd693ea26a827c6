import { STAGES } from '../../seed/vocabulary.js';
import type { World, WorldApplication, WorldCandidate } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import { HIRE, ids } from './ids.js';
import { toLeverForm } from './shapes/job-form-fields.js';
import { toLeverPosting } from './shapes/jobs.js';
import { toLeverUser } from './shapes/users.js';
import type { LeverApplication, LeverFile, LeverPhone, LeverResume, StoredOpportunity } from './raw.js';
import { applicationRecord, attachmentRecord, cols, keyOf, opportunityRecord, tagRecord } from './records.js';

const ORIGIN: Record<string, StoredOpportunity['origin']> = { referral: 'referred', agency: 'agency', prospecting: 'sourced' };

/**
 * The world as Lever stores it. One opportunity per person (Lever's "candidate" in Truto), with its contact id;
 * its applications are rows of their own, put back into the opportunity when it is read with
 * `expand=applications`; resumes and files are rows of their own too (two endpoints in Lever), resumes first.
 * Lever keeps no link from a file to an application or posting, so attachment rows carry only their opportunity.
 */
export function* leverSeed(world: World): Generator<SeedRecord> {
  // Ids that many records repeat, made once: hashing and formatting a UUID is most of a record's cost.
  const known: Known = {
    users: world.users.map((u) => ids.user(u.n)),
    postings: world.jobs.map((j) => ids.posting(j.n)),
    stages: new Map(),
    reasons: [ids.archiveReason(0), ...world.rejectReasons.map((r) => ids.archiveReason(r.n))],
  };
  for (const u of world.users) {
    const user = toLeverUser(u);
    yield { kind: 'user', record: { ...cols(user.id, u.createdAt, u.updatedAt, user), keys: [keyOf.email(user.email), keyOf.accessRole(user.accessRole)] } };
  }
  // Lever's stages are one account-wide pipeline, listed in pipeline order: the world's stage names in their order.
  const used = new Set([...world.stages.values()].map(({ stage }) => stage.name));
  for (const name of STAGES.filter((n) => used.has(n))) yield row('stage', ids.stage(name), 0, { id: ids.stage(name), text: name });
  yield row('archive_reason', ids.archiveReason(0), 0, { id: ids.archiveReason(0), text: 'Hired', status: 'active', type: 'hired' });
  for (const r of world.rejectReasons) {
    yield row('archive_reason', ids.archiveReason(r.n), 0, { id: ids.archiveReason(r.n), text: r.name, status: 'active', type: 'non-hired' });
  }
  for (const job of world.jobs) {
    const posting = toLeverPosting(job, (n) => known.users[n - 1]!);
    yield { kind: 'posting', record: { ...cols(posting.id, job.createdAt, job.updatedAt, posting), keys: [keyOf.state(posting.state)] } };
    for (const f of toLeverForm(job)) {
      const id = `${posting.id}:${'id' in f.field ? f.field.id : f.field.name}`;
      yield { kind: 'form_field', record: { ...cols(id, job.createdAt, job.updatedAt, f), refs: { job: posting.id } } };
    }
  }

  // `GET /tags` counts the opportunities carrying each tag: counted while they are made, listed once all are.
  const tagCounts = new Map<string, number>();
  for (const c of world.candidates()) {
    for (const tag of c.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    yield* opportunity(world, known, c);
  }
  const created = new Map(world.tags.map((t) => [t.name, t.createdAt]));
  // Lever lists tags by their text.
  for (const [text, count] of [...tagCounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    yield { kind: 'tag', record: tagRecord(text, count, created.get(text) ?? 0) };
  }
}

interface Known {
  users: string[];
  postings: string[];
  stages: Map<string, string>;
  reasons: string[];
}

function* opportunity(world: World, known: Known, c: WorldCandidate): Generator<SeedRecord> {
  const id = c.pinnedId ?? ids.opportunity(c.n);
  const name = `${c.firstName} ${c.lastName}`;
  const userId = (n: number) => known.users[n - 1]!;
  const owner = c.recruiterN === null ? null : userId(c.recruiterN);
  const phones: LeverPhone[] = c.phones.map((p) => ({ type: p.type, value: p.extension ? `${p.number} x${p.extension}` : p.number }));
  const links = [...c.websites.map((w) => w.url), ...c.socials];
  const appIds = c.applications.map((a) => a.pinnedId ?? ids.application(a.n));
  const first = c.applications[0]!;
  const origin = ORIGIN[world.sources[first.sourceN - 1]!.type] ?? 'applied';

  const applications = c.applications.map((a, i): LeverApplication => {
    const job = world.jobs[a.jobN - 1]!;
    const sourceType = world.sources[a.sourceN - 1]!.type;
    const type = sourceType === 'referral' ? 'referral' : sourceType === 'prospecting' ? 'user' : 'posting';
    return {
      id: appIds[i]!,
      type,
      candidateId: id,
      opportunityId: id,
      posting: known.postings[job.n - 1]!,
      postingHiringManager: userId(job.hiringManagerN),
      postingOwner: userId(job.recruiterN),
      name,
      company: c.company,
      phone: phones[0] ?? null,
      email: c.emails[0]?.address ?? null,
      links,
      comments: null,
      user: type === 'referral' ? userId(a.creditedToN) : null,
      customQuestions: [],
      createdAt: a.appliedAt,
      archived: archivedOf(known, a),
      requisitionForHire: null,
    };
  });

  // The opportunity stands where its live application stands; once none is live, it is archived as its last one was.
  const current = latest(c.applications.filter((a) => a.status === 'active')) ?? c.applications.find((a) => a.status === 'hired') ?? latest(c.applications)!;
  const { stage, jobN } = world.stages.get(current.stageN)!;
  let stageId = known.stages.get(stage.name);
  if (stageId === undefined) known.stages.set(stage.name, (stageId = ids.stage(stage.name)));
  const live = c.applications.some((a) => a.status === 'active');
  const mover = owner ?? userId(current.creditedToN);
  const opp: StoredOpportunity = {
    id,
    name,
    contact: ids.contact(c.n),
    headline: [c.company, ...c.educations.map((e) => e.school)].join(', '),
    stage: stageId,
    confidentiality: c.isPrivate ? 'confidential' : 'non-confidential',
    location: c.addresses[0]?.value ?? '',
    phones,
    emails: c.emails.map((e) => e.address),
    links,
    archived: live ? null : archivedOf(known, current),
    tags: c.tags,
    sources: [...new Set(c.applications.map((a) => world.sources[a.sourceN - 1]!.name))],
    stageChanges: [{ toStageId: stageId, toStageIndex: stage.position, updatedAt: current.lastActivityAt, userId: mover }],
    origin,
    sourcedBy: origin === 'sourced' || origin === 'referred' ? userId(first.creditedToN) : null,
    owner,
    followers: [owner, c.coordinatorN === null ? null : userId(c.coordinatorN)].filter((u, i, all): u is string => u !== null && all.indexOf(u) === i),
    applications: appIds,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastInteractionAt: c.lastActivityAt,
    lastAdvancedAt: current.lastActivityAt,
    snoozedUntil: null,
    urls: { list: `${HIRE}/candidates`, show: `${HIRE}/candidates/${id}` },
    isAnonymized: false,
    dataProtection: null,
    opportunityLocation: world.jobs[jobN - 1]!.office,
  };
  yield { kind: 'opportunity', record: opportunityRecord(opp, applications.flatMap((a) => (a.posting !== null ? [a.posting] : []))) };

  for (const [i, a] of applications.entries()) yield { kind: 'application', record: applicationRecord(a, c.applications[i]!.lastActivityAt) };

  const files = c.attachments.map((f) => ({ f, ext: f.fileName.slice(f.fileName.lastIndexOf('.')), size: 24_000 + ((f.n * 2_654_435_761) >>> 0) % 380_000 }));
  for (const { f, ext, size } of files) {
    if (f.kind !== 'resume') continue;
    const resume: LeverResume = {
      id: f.pinnedId ?? ids.resume(f.n),
      createdAt: f.createdAt,
      file: { name: f.fileName, ext, downloadUrl: '', uploadedAt: f.createdAt, status: 'processed', size },
      parsedData: {
        positions: c.employments.map((e) => ({
          org: e.company,
          title: e.title,
          summary: null,
          location: null,
          start: { year: e.startYear, month: null },
          end: e.endYear === null ? null : { year: e.endYear, month: null },
        })),
        schools: c.educations.map((e) => ({
          org: e.school,
          degree: e.degree,
          field: null,
          summary: null,
          start: { year: e.startYear, month: null },
          end: { year: e.endYear, month: null },
        })),
      },
    };
    yield { kind: 'attachment', record: attachmentRecord(resume, id) };
  }
  for (const { f, ext, size } of files) {
    if (f.kind === 'resume') continue;
    const file: LeverFile = { id: f.pinnedId ?? ids.file(f.n), name: f.fileName, ext, downloadUrl: '', uploadedAt: f.createdAt, status: 'processed', size };
    yield { kind: 'attachment', record: attachmentRecord(file, id) };
  }
}

function archivedOf(known: Known, a: WorldApplication): LeverApplication['archived'] {
  if (a.status === 'hired') return { reason: known.reasons[0]!, archivedAt: a.lastActivityAt };
  if (a.status === 'rejected') return { reason: known.reasons[a.rejectReasonN!]!, archivedAt: a.rejectedAt! };
  return null;
}

function latest(apps: WorldApplication[]): WorldApplication | undefined {
  let out: WorldApplication | undefined;
  for (const a of apps) if (!out || a.appliedAt >= out.appliedAt) out = a;
  return out;
}

function row(kind: string, id: string, created: number, raw: object, updated = created): SeedRecord {
  return { kind, record: cols(id, created, updated, raw) };
}
