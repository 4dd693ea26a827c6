import { Type, type Static } from '@sinclair/typebox';
import type { Job } from '../../../model/job.js';
import { AshbyUser } from '../raw.js';
import { AshbyDate, Closed, Literals, Nullable, remote, Uuid } from './common.js';

export const HiringTeamMember = Type.Object(
  { email: Type.String(), firstName: Type.String(), lastName: Type.String(), role: Type.String(), userId: Uuid },
  Closed,
);

/** `job.list` items and `job.info`'s `results` (the keys recorded live; `location`/`openings` only with `expand`). */
export const AshbyJob = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    confidential: Type.Boolean(),
    status: Literals(['Draft', 'Open', 'Closed', 'Archived']),
    employmentType: Literals(['FullTime', 'PartTime', 'Intern', 'Contract', 'Temporary']),
    locationId: Nullable(Uuid),
    departmentId: Nullable(Uuid),
    defaultInterviewPlanId: Uuid,
    interviewPlanIds: Type.Array(Uuid),
    jobPostingIds: Type.Array(Uuid),
    customFields: Type.Array(Type.Object({ id: Uuid, isPrivate: Type.Boolean(), title: Type.String(), value: Type.Unknown() }, Closed)),
    hiringTeam: Type.Array(HiringTeamMember),
    customRequisitionId: Nullable(Type.String()),
    brandId: Nullable(Uuid),
    author: Nullable(AshbyUser),
    createdAt: AshbyDate,
    updatedAt: AshbyDate,
    openedAt: Nullable(AshbyDate),
    closedAt: Nullable(AshbyDate),
  },
  Closed,
);
export type AshbyJob = Static<typeof AshbyJob>;

const STATUS = { Draft: 'draft', Open: 'open', Closed: 'closed', Archived: 'archived' } as const;
const byRole = (raw: AshbyJob, role: string) => raw.hiringTeam.filter((m) => m.role === role).map((m) => ({ id: m.userId, name: `${m.firstName} ${m.lastName}` }));

/**
 * The job's location and department are ids only (names come with `expand`, which Truto does not ask for); the
 * hiring team's `Hiring Manager`s and `Recruiter`s are the unified hiring managers and recruiters.
 */
export function jobToUnified(raw: AshbyJob): Job {
  return {
    id: raw.id,
    name: raw.title,
    ...(raw.customRequisitionId !== null ? { requisition_id: raw.customRequisitionId } : {}),
    status: STATUS[raw.status as keyof typeof STATUS],
    confidential: raw.confidential,
    ...(raw.departmentId !== null ? { departments: [{ id: raw.departmentId }] } : {}),
    ...(raw.locationId !== null ? { offices: [{ id: raw.locationId }] } : {}),
    hiring_managers: byRole(raw, 'Hiring Manager'),
    recruiters: byRole(raw, 'Recruiter'),
    created_at: raw.createdAt,
    updated_at: raw.updatedAt,
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'name', 'status', 'confidential', 'departments.id', 'offices.id', 'hiring_managers.id', 'hiring_managers.name',
  'recruiters.id', 'recruiters.name', 'created_at', 'updated_at',
] as const;
