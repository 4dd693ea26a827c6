import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Job } from '../../../model/job.js';
import { iso } from '../../../seed/reference-time.js';
import type { WorldJob } from '../../../seed/world.js';
import { OFFICE_PLACES, DEPARTMENT_GROUPS } from '../../../seed/vocabulary.js';
import { ids } from '../ids.js';

const Uuid = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' });
const Ms = Type.Integer({ minimum: 0, description: 'epoch milliseconds' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Lit = (values: string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const NullableString = Nullable(Type.String());

/** `GET /v1/postings` and `/v1/postings/{id}`, keys in the live order (provider-shapes-2 §2.1). */
export const LeverPosting = Type.Object(
  {
    id: Uuid,
    text: Type.String(),
    state: Lit(['published', 'internal', 'closed', 'draft', 'pending', 'rejected']),
    distributionChannels: Nullable(Type.Array(Lit(['public', 'internal']))),
    user: Uuid,
    owner: Nullable(Uuid),
    hiringManager: Nullable(Uuid),
    categories: Type.Object(
      { commitment: NullableString, department: NullableString, level: NullableString, location: NullableString, team: NullableString, allLocations: Type.Array(Type.String()) },
      { additionalProperties: false },
    ),
    tags: Type.Array(Type.String()),
    content: Type.Object(
      {
        description: Type.String(),
        descriptionHtml: Type.String(),
        lists: Type.Array(Type.Object({ text: Type.String(), content: Type.String() }, { additionalProperties: false })),
        closing: Type.String(),
        closingHtml: Type.String(),
      },
      { additionalProperties: false },
    ),
    country: NullableString,
    followers: Type.Array(Uuid),
    reqCode: NullableString,
    requisitionCodes: Type.Array(Type.String()),
    urls: Nullable(Type.Object({ list: Type.String(), show: Type.String(), apply: Type.String() }, { additionalProperties: false })),
    confidentiality: Lit(['non-confidential', 'confidential']),
    createdAt: Ms,
    updatedAt: Ms,
    workplaceType: Lit(['unspecified', 'onsite', 'remote', 'hybrid']),
    transcribeInterviews: Type.Boolean(),
    screening: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type LeverPosting = Static<typeof LeverPosting>;

const COUNTRY: Record<string, string> = { 'United States': 'US', 'United Kingdom': 'GB', Germany: 'DE', Canada: 'CA' };
const BOARD = 'https://jobs.lever.co/northwind';

/**
 * A job as a Lever posting: the world's department is Lever's team, its group Lever's department (both free text in
 * `categories`); the recruiter owns and created it. Open jobs are published on the board, a draft has no URLs yet.
 */
export function toLeverPosting(job: WorldJob, userId: (n: number) => string): LeverPosting {
  const id = ids.posting(job.n);
  const group = Object.keys(DEPARTMENT_GROUPS).find((g) => DEPARTMENT_GROUPS[g]!.includes(job.department)) ?? job.department;
  const country = COUNTRY[OFFICE_PLACES[job.office]?.location.split(', ').at(-1) ?? ''] ?? null;
  const description = `${job.title} in our ${job.department} team, ${job.office}.`;
  const followers = [job.recruiterN, job.hiringManagerN, job.coordinatorN].filter((n, i, all): n is number => n !== null && all.indexOf(n) === i);
  return {
    id,
    text: job.title,
    state: job.status === 'open' ? 'published' : job.status,
    distributionChannels: job.status === 'open' ? ['public', 'internal'] : null,
    user: userId(job.recruiterN),
    owner: userId(job.recruiterN),
    hiringManager: userId(job.hiringManagerN),
    categories: { commitment: 'Full-time', department: group, level: null, location: job.office, team: job.department, allLocations: [job.office] },
    tags: [],
    content: { description, descriptionHtml: `<div>${description}</div>`, lists: [], closing: '', closingHtml: '' },
    country,
    followers: followers.map(userId),
    reqCode: `REQ-${String(job.n).padStart(4, '0')}`,
    requisitionCodes: [],
    urls: job.status === 'draft' ? null : { list: BOARD, show: `${BOARD}/${id}`, apply: `${BOARD}/${id}/apply` },
    confidentiality: 'non-confidential',
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    workplaceType: job.office.startsWith('Remote') ? 'remote' : 'onsite',
    transcribeInterviews: false,
    screening: { enabled: false },
  };
}

const STATUS: Record<LeverPosting['state'], NonNullable<Job['status']>> = {
  published: 'open', internal: 'open', closed: 'closed', draft: 'draft', pending: 'pending', rejected: 'archived',
};

/**
 * Lever's department and location are free text (no ids), so no `departments` or `offices`; the owner is the
 * recruiter; the posting's board pages are its URLs.
 */
export function jobToUnified(raw: LeverPosting): Job {
  return {
    id: raw.id,
    name: raw.text,
    description: raw.content.description,
    ...(raw.reqCode !== null ? { requisition_id: raw.reqCode } : {}),
    status: STATUS[raw.state],
    locations: raw.categories.allLocations,
    ...(raw.urls !== null ? { job_posting_urls: [{ url: raw.urls.show, type: 'show' }, { url: raw.urls.apply, type: 'apply' }] } : {}),
    confidential: raw.confidentiality === 'confidential',
    ...(raw.hiringManager !== null ? { hiring_managers: [{ id: raw.hiringManager }] } : {}),
    ...(raw.owner !== null ? { recruiters: [{ id: raw.owner }] } : {}),
    created_at: iso(raw.createdAt),
    updated_at: iso(raw.updatedAt),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

export const fields = [
  'id', 'name', 'description', 'requisition_id', 'status', 'locations', 'job_posting_urls.url', 'job_posting_urls.type', 'confidential',
  'hiring_managers.id', 'recruiters.id', 'created_at', 'updated_at',
] as const;
