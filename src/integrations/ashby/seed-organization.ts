import { iso } from '../../seed/reference-time.js';
import type { World } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import { interviewPlanId, jobPostingId, uuid } from './ids.js';
import { toFormFields } from './shapes/job-form-fields.js';
import { userRecord } from './records.js';
import type { AshbyUser } from './raw.js';
import type { AshbyDepartment } from './shapes/departments.js';
import type { AshbyInterviewStage } from './shapes/job-stages.js';
import type { AshbyJob } from './shapes/jobs.js';
import type { AshbyLocation } from './shapes/offices.js';
import type { AshbyArchiveReason } from './shapes/reject-reasons.js';
import type { AshbyTag } from './shapes/tags.js';

/** What the candidates' records already made, reused so that every embedded copy is the listed record. */
export interface Made {
  salt: string;
  users: AshbyUser[];
  jobs: { ref: { id: string; locationId: string; departmentId: string }; hiringTeam: AshbyJob['hiringTeam'] }[];
  stages: Map<number, AshbyInterviewStage>;
  reasons: (AshbyArchiveReason & { customFields: unknown[] })[];
}

const JOB_STATUS = { open: 'Open', closed: 'Closed', draft: 'Draft' } as const;

/** `user.list`, `department.list`, `location.list`, `candidateTag.list`, `archiveReason.list`, `job.list`, `interviewStage.list`. */
export function* organizationRecords(world: World, made: Made): Generator<SeedRecord> {
  const { salt } = made;
  for (const [i, raw] of made.users.entries()) {
    yield { kind: 'user', record: userRecord(raw, iso(world.users[i]!.createdAt)) };
  }
  for (const d of world.departments) {
    const parent = d.parentN === null ? undefined : world.departments[d.parentN - 1];
    const raw: AshbyDepartment = {
      id: uuid(salt, 'department', d.name),
      name: d.name,
      externalName: null,
      isArchived: false,
      parentId: parent ? uuid(salt, 'department', parent.name) : null,
      createdAt: iso(d.createdAt),
      updatedAt: iso(d.createdAt),
      extraData: null,
    };
    yield { kind: 'department', record: { id: raw.id, created_at: raw.createdAt, updated_at: raw.updatedAt, raw: JSON.stringify(raw) } };
  }
  for (const o of world.offices) {
    const parent = o.parentN === null ? undefined : world.offices[o.parentN - 1];
    const raw: AshbyLocation = {
      id: uuid(salt, 'office', o.name),
      name: o.name,
      isArchived: false,
      ...(o.parentN !== null && !o.isRemote ? { address: { postalAddress: postalAddress(o.location) } } : {}),
      isRemote: o.isRemote,
      workplaceType: o.isRemote ? 'Remote' : 'OnSite',
      parentLocationId: parent ? uuid(salt, 'office', parent.name) : null,
      // A region groups offices: Ashby's location hierarchy.
      type: o.parentN === null ? 'LocationHierarchy' : 'Location',
    };
    const at = iso(o.createdAt);
    yield { kind: 'office', record: { id: raw.id, created_at: at, updated_at: at, raw: JSON.stringify(raw) } };
  }
  for (const tag of world.tags) {
    const raw: AshbyTag = { id: uuid(salt, 'tag', tag.name), title: tag.name, isArchived: false };
    const at = iso(tag.createdAt);
    yield { kind: 'tag', record: { id: raw.id, created_at: at, updated_at: at, raw: JSON.stringify(raw) } };
  }
  const founded = iso(Math.min(...world.departments.map((d) => d.createdAt)));
  for (const { customFields: _, ...raw } of made.reasons) {
    yield { kind: 'archive_reason', record: { id: raw.id, created_at: founded, updated_at: founded, raw: JSON.stringify(raw) } };
  }
  for (const job of world.jobs) {
    const { ref, hiringTeam } = made.jobs[job.n - 1]!;
    const plan = interviewPlanId(ref.id);
    const raw: AshbyJob = {
      id: ref.id,
      title: job.title,
      confidential: false,
      status: JOB_STATUS[job.status],
      employmentType: 'FullTime',
      locationId: ref.locationId,
      departmentId: ref.departmentId,
      defaultInterviewPlanId: plan,
      interviewPlanIds: [plan],
      jobPostingIds: job.status === 'draft' ? [] : [jobPostingId(ref.id)],
      customFields: [],
      hiringTeam,
      customRequisitionId: null,
      brandId: null,
      author: made.users[job.recruiterN - 1]!,
      createdAt: iso(job.createdAt),
      updatedAt: iso(job.updatedAt),
      openedAt: job.status === 'draft' ? null : iso(job.createdAt),
      closedAt: job.status === 'closed' ? iso(job.updatedAt) : null,
    };
    yield { kind: 'job', record: { id: raw.id, created_at: raw.createdAt, updated_at: raw.updatedAt, raw: JSON.stringify(raw) } };
    if (job.status !== 'draft') {
      for (const field of toFormFields(salt, job.n, job.questions)) {
        yield { kind: 'form_field', record: { id: field.field.id, refs: { job: ref.id }, created_at: raw.createdAt, updated_at: raw.createdAt, raw: JSON.stringify(field) } };
      }
    }
    for (const stage of job.stages) {
      const s = made.stages.get(stage.n)!;
      yield { kind: 'interview_stage', record: { id: s.id, refs: { job: ref.id }, created_at: raw.createdAt, updated_at: raw.createdAt, raw: JSON.stringify(s) } };
    }
  }
}

/** `Berlin, Germany` or `Austin, Texas, United States`, as schema.org's postal address. */
function postalAddress(location: string): NonNullable<AshbyLocation['address']>['postalAddress'] {
  const parts = location.split(', ');
  const country = parts.pop()!;
  const [locality, region] = parts;
  return { addressCountry: country, ...(region !== undefined ? { addressRegion: region } : {}), ...(locality !== undefined ? { addressLocality: locality } : {}) };
}
