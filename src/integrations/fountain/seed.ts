import { iso } from '../../seed/reference-time.js';
import type { World, WorldApplication, WorldCandidate, WorldJob } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import { accountSalt, ids as idsFor, word } from './ids.js';
import type { FountainAddress, FountainApplicant, FountainSecureDocument } from './raw.js';
import { toFountainBookedSlot } from './shapes/booked-slots.js';
import { toFountainFunnel } from './shapes/funnels.js';
import { toFountainNote } from './shapes/notes.js';
import { closingStage, toFountainStage, type FountainStage as FountainStageRaw } from './shapes/stages.js';
import { toFountainUser } from './shapes/users.js';
import { pacific } from './time.js';

/**
 * Stage types Fountain's `stage` filter knows (hired, rejected, archived, background_check, interview, signature),
 * for the world's stage names; a stage of no such type (Application Review is a data collection stage) has none.
 */
const STAGE_TYPES: Record<string, string> = {
  'Recruiter Screen': 'interview',
  'Hiring Manager Screen': 'interview',
  'Technical Interview': 'interview',
  'Onsite Interview': 'interview',
  'Reference Check': 'background_check',
  Offer: 'signature',
};

/** Lookup keys for the list's exact-match query parameters (`stage_id`, `stage`, `labels`). */
export const stageKey = (id: string) => `stage:${id}`;
export const stageTypeKey = (type: string) => `stage_type:${type}`;
export const labelKey = (title: string) => `label:${title}`;

/**
 * Fountain has no applications: an applicant is one person in one opening (funnel), at one stage of its
 * workflow. A person of the world becomes one applicant, in the opening of their latest application: hired and
 * rejected applicants sit in that opening's Hired and Rejected stages, as Fountain moves them there.
 */
export function currentApplication(c: WorldCandidate): WorldApplication {
  let current = c.applications[0]!;
  for (const a of c.applications) if (a.appliedAt > current.appliedAt) current = a;
  return current;
}

export interface FountainStage {
  id: string;
  title: string;
  type: string | undefined;
}

/** The stage an application is at, as Fountain shows it. */
export function stageOf(world: World, ids: ReturnType<typeof idsFor>, a: WorldApplication): FountainStage {
  if (a.status === 'hired') return { id: ids.hiredStage(a.jobN), title: 'Hired', type: 'hired' };
  if (a.status === 'rejected') return { id: ids.rejectedStage(a.jobN), title: 'Rejected', type: 'rejected' };
  const { stage } = world.stages.get(a.stageN)!;
  return { id: ids.stage(stage.n), title: stage.name, type: STAGE_TYPES[stage.name] };
}

/** `Toronto, ON` → city and province; `London, United Kingdom` → city and country. */
export function addressOf(place: string): FountainAddress {
  const [city, rest = ''] = place.split(', ') as [string, string?];
  const region = /^[A-Z]{2}$/.test(rest);
  return {
    street_name: null,
    address_2: null,
    city,
    state: region ? rest : null,
    zipcode: null,
    country: region ? (['ON', 'BC', 'QC'].includes(rest) ? 'CA' : 'US') : rest,
    latitude: null,
    longitude: null,
  };
}

/** The upload question a file answered, from its name (`Ada_Lovelace_Cover_Letter.pdf` → `cover_letter`). */
export function uploadOf(fileName: string): { name: string; friendly_name: string } {
  const label = fileName.replace(/\.[^.]+$/, '').split('_').slice(2).join('_');
  const words = label.split('_');
  return { name: label.toLowerCase(), friendly_name: [words[0], ...words.slice(1).map((w) => w.toLowerCase())].join(' ') };
}

export function* fountainSeed(world: World): Generator<SeedRecord> {
  const salt = accountSalt(world);
  const ids = idsFor(salt);
  const funnels = new Map<number, FountainApplicant['funnel']>();
  const funnelOf = (job: WorldJob) => {
    let f = funnels.get(job.n);
    if (!f) funnels.set(job.n, (f = { id: ids.funnel(job.n), title: `${job.title} - ${job.office}`, custom_id: null }));
    return f;
  };
  const rejectReasons = world.rejectReasons.map((r) => r.name);

  yield* accountRecords(world, ids, funnelOf);

  for (const c of world.candidates()) {
    const id = c.pinnedId ?? ids.applicant(c.n);
    const current = currentApplication(c);
    const job = world.jobs[current.jobN - 1]!;
    const funnel = funnelOf(job);
    const stage = stageOf(world, ids, current);
    const phone = c.phones[0]!.number;
    const applicant: FountainApplicant = {
      id,
      email: c.emails[0]!.address,
      name: `${c.firstName} ${c.lastName}`,
      first_name: c.firstName,
      last_name: c.lastName,
      phone_number: phone,
      normalized_phone_number: `+${phone.replace(/\D/g, '')}`,
      is_duplicate: false,
      receive_automated_emails: c.canEmail,
      can_receive_sms: true,
      phone_platform: 'sms',
      rejection_reason: current.rejectReasonN === undefined ? null : rejectReasons[current.rejectReasonN - 1]!,
      on_hold_reason: null,
      data: { current_employer: c.company, current_job_title: c.title },
      created_at: pacific(c.createdAt),
      updated_at: pacific(c.updatedAt),
      last_transitioned_at: pacific(current.lastActivityAt),
      funnel,
      stage: { id: stage.id, title: stage.title },
      addresses: c.addresses.map((a) => addressOf(a.value)),
      background_checks: [],
      document_signatures: [],
      labels: c.tags.map((title) => ({ title, completed: false })),
    };
    const keys = [stageKey(stage.id), ...c.tags.map(labelKey)];
    if (stage.type) keys.push(stageTypeKey(stage.type));
    yield {
      kind: 'applicant',
      record: {
        id,
        // The applicant lives in one opening: its job is its funnel.
        refs: { job: funnel.id },
        created_at: iso(c.createdAt),
        updated_at: iso(c.updatedAt),
        keys,
        raw: JSON.stringify(applicant),
      },
    };

    // The sessions the applicant booked in this opening: the interviews of its current application.
    for (const i of c.interviews) {
      if (i.applicationN !== current.n) continue;
      const slotId = ids.bookedSlot(i.n);
      const slot = toFountainBookedSlot(i, slotId, world.users[i.organizerN - 1]!);
      // A session shows no dates of its own, so its row's serve the store's filters only: the last is the session's
      // end, which Truto's `end_at` filters on.
      yield row('booked_slot', slotId, i.createdAt, i.endAt, slot, { candidate: id });
    }

    // Notes are kept on the applicant, whichever of the person's applications they were about; emails are not kept.
    for (const a of c.activities) {
      if (a.kind !== 'note' || a.authorN === null) continue;
      const noteId = ids.note(a.n);
      yield row('note', noteId, a.createdAt, a.createdAt, toFountainNote(a, noteId, world.users[a.authorN - 1]!, ids.user(a.authorN)), { candidate: id });
    }

    // Files are uploaded in the opening's first (data collection) stage.
    const first = job.stages[0]!;
    const uploadStage = { id: ids.stage(first.n), title: first.name };
    for (const f of c.attachments) {
      const docId = f.pinnedId ?? ids.document(f.n);
      const document: FountainSecureDocument = {
        id: docId,
        ...uploadOf(f.fileName),
        filename: f.fileName,
        public_url: '',
        size: 18_000 + (word(salt, 'size', f.n) % 480_000),
        stage: uploadStage,
      };
      yield {
        kind: 'attachment',
        record: {
          id: docId,
          refs: { candidate: id, job: funnel.id },
          created_at: iso(f.createdAt),
          updated_at: iso(f.createdAt),
          raw: JSON.stringify(document),
        },
      };
    }
  }
}

/** A stored record: its row dates in UTC (the store's), its raw record as Fountain answers it. */
const row = (kind: string, id: string, createdAt: number, updatedAt: number, raw: object, refs?: Record<string, string>, keys?: string[]): SeedRecord => ({
  kind,
  record: { id, created_at: iso(createdAt), updated_at: iso(updatedAt), ...(refs ? { refs } : {}), ...(keys ? { keys } : {}), raw: JSON.stringify(raw) },
});

/** Every opening carries it, so a page of `/v2/funnels` can say which page is the last. */
export const FUNNELS_KEY = 'funnels';

/**
 * The account's users, and its openings with their workflows: the job's stages, then Hired and Rejected, where
 * Fountain moves the applicants it closes (the ids the applicants' `stage` already carries).
 */
function* accountRecords(
  world: World,
  ids: ReturnType<typeof idsFor>,
  funnelOf: (job: WorldJob) => FountainApplicant['funnel'],
): Generator<SeedRecord> {
  const userIds = world.users.map((u) => ids.user(u.n));
  for (const u of world.users) yield row('user', userIds[u.n - 1]!, u.createdAt, u.updatedAt, toFountainUser(u, userIds[u.n - 1]!));
  for (const job of world.jobs) {
    const { id, title } = funnelOf(job);
    const stages: FountainStageRaw[] = [
      ...job.stages.map((s) => toFountainStage(s, ids.stage(s.n))),
      closingStage('hired', ids.hiredStage(job.n)),
      closingStage('rejected', ids.rejectedStage(job.n)),
    ];
    const owner = world.users[job.recruiterN - 1]!;
    const funnel = toFountainFunnel(job, {
      id,
      title,
      stages,
      createdAt: pacific(job.createdAt),
      location: {
        name: job.office,
        id: ids.location(job.officeN),
        latitude: null,
        longitude: null,
        location_group: { name: 'Unassigned', id: ids.locationGroup(1) },
        owner: { name: `${owner.firstName} ${owner.lastName}`, email: owner.email, id: userIds[owner.n - 1]! },
      },
    });
    yield row('funnel', id, job.createdAt, job.updatedAt, funnel, undefined, [FUNNELS_KEY]);
    for (const stage of stages) yield row('stage', stage.id, job.createdAt, job.createdAt, stage, { job: id });
  }
}
