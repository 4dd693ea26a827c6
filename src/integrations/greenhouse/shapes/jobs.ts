import { Type, type Static } from '@sinclair/typebox';
import type { Job } from '../../../model/job.js';
import { iso } from '../../../seed/reference-time.js';
import type { World, WorldJob } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { Fields, HarvestDate, Id, Nullable, NullableString, remote, userRef } from './common.js';
import { GreenhouseDepartment, toHarvestDepartment } from './departments.js';
import { GreenhouseOffice, toHarvestOffice } from './offices.js';

const TeamMember = Type.Object(
  { id: Id, first_name: Type.String(), last_name: Type.String(), name: Type.String(), employee_id: NullableString },
  { additionalProperties: false },
);
/** Recruiters and coordinators also say whether they are the one responsible. */
const ResponsibleMember = Type.Object(
  {
    id: Id,
    first_name: Type.String(),
    last_name: Type.String(),
    name: Type.String(),
    employee_id: NullableString,
    responsible: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** A job opening; offers embed the same object as `opening`. */
export const GreenhouseOpening = Type.Object(
  {
    id: Id,
    opening_id: NullableString,
    status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
    opened_at: HarvestDate,
    closed_at: Nullable(HarvestDate),
    application_id: Nullable(Id),
    close_reason: Nullable(Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type GreenhouseOpening = Static<typeof GreenhouseOpening>;

/** `GET /v1/jobs` and `GET /v1/jobs/{id}`, keys in the order the live API sends them. */
export const GreenhouseJob = Type.Object(
  {
    id: Id,
    name: Type.String(),
    requisition_id: NullableString,
    notes: NullableString,
    confidential: Type.Boolean(),
    is_template: Nullable(Type.Boolean()),
    copied_from_id: Nullable(Id),
    status: Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('draft')]),
    created_at: HarvestDate,
    opened_at: Nullable(HarvestDate),
    closed_at: Nullable(HarvestDate),
    updated_at: HarvestDate,
    departments: Type.Array(GreenhouseDepartment),
    offices: Type.Array(GreenhouseOffice),
    hiring_team: Type.Object(
      {
        hiring_managers: Type.Array(TeamMember),
        recruiters: Type.Array(ResponsibleMember),
        coordinators: Type.Array(ResponsibleMember),
        sourcers: Type.Array(TeamMember),
      },
      { additionalProperties: false },
    ),
    openings: Type.Array(GreenhouseOpening),
    custom_fields: Fields,
    keyed_custom_fields: Fields,
  },
  { additionalProperties: false },
);
export type GreenhouseJob = Static<typeof GreenhouseJob>;

/**
 * The job's one opening: opened when the job was created, closed when a closed job was last updated. Which
 * application filled it is not known to the world, so `application_id` stays null.
 */
export function toHarvestOpening(job: WorldJob): GreenhouseOpening {
  const closed = job.status === 'closed';
  return {
    id: Number(ids.opening(job.n)),
    opening_id: `${job.n}-1`,
    status: closed ? 'closed' : 'open',
    opened_at: iso(job.createdAt),
    closed_at: closed ? iso(job.updatedAt) : null,
    application_id: null,
    close_reason: null,
  };
}

export function toHarvestJob(job: WorldJob, world: World): GreenhouseJob {
  const department = world.departments.find((d) => d.n === job.departmentN);
  const office = world.offices.find((o) => o.n === job.officeN);
  const member = (n: number) => userRef(world, n);
  return {
    id: Number(ids.job(job.n)),
    name: job.title,
    requisition_id: `REQ-${String(job.n).padStart(4, '0')}`,
    notes: null,
    confidential: false,
    is_template: false,
    copied_from_id: null,
    status: job.status,
    created_at: iso(job.createdAt),
    opened_at: job.status === 'draft' ? null : iso(job.createdAt),
    closed_at: job.status === 'closed' ? iso(job.updatedAt) : null,
    updated_at: iso(job.updatedAt),
    departments: department ? [toHarvestDepartment(department, world)] : [],
    offices: office ? [toHarvestOffice(office, world)] : [],
    hiring_team: {
      hiring_managers: [member(job.hiringManagerN)],
      recruiters: [{ ...member(job.recruiterN), responsible: true }],
      coordinators: job.coordinatorN === null ? [] : [{ ...member(job.coordinatorN), responsible: true }],
      sourcers: [],
    },
    openings: [toHarvestOpening(job)],
    custom_fields: {},
    keyed_custom_fields: {},
  };
}

/**
 * Harvest's job has no description (that is the job post's content), no code, no posting URLs and no teams.
 * `locations` are its offices' location names.
 */
export function jobToUnified(raw: GreenhouseJob): Job {
  const named = (x: { id: number; name: string }) => ({ id: String(x.id), name: x.name });
  const locations = raw.offices.map((o) => o.location.name).filter((name): name is string => name !== null);
  return {
    id: String(raw.id),
    name: raw.name,
    ...(raw.requisition_id !== null ? { requisition_id: raw.requisition_id } : {}),
    status: raw.status,
    locations,
    confidential: raw.confidential,
    departments: raw.departments.map(named),
    offices: raw.offices.map(named),
    hiring_managers: raw.hiring_team.hiring_managers.map(named),
    recruiters: raw.hiring_team.recruiters.map(named),
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'name', 'requisition_id', 'status', 'locations', 'confidential', 'departments.id', 'departments.name', 'offices.id',
  'offices.name', 'hiring_managers.id', 'hiring_managers.name', 'recruiters.id', 'recruiters.name', 'created_at', 'updated_at',
] as const;
