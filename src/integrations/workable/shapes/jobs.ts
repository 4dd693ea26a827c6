import { Type, type Static } from '@sinclair/typebox';
import type { Job } from '../../../model/job.js';
import type { World, WorldJob } from '../../../seed/world.js';
import { ids, more, SUBDOMAIN } from '../ids.js';
import { Closed, DateTime, Id, Nullable, remote, Str, unifiedDate } from './common.js';

const Shortcode = Type.String({ pattern: '^[0-9A-Z]{6,12}$' });
const State = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('closed'), Type.Literal('archived')]);
const WorkplaceType = Type.Union([Type.Literal('on_site'), Type.Literal('hybrid'), Type.Literal('remote')]);
const locationKeys = {
  country: Str,
  country_code: Str,
  region: Str,
  region_code: Str,
  city: Str,
  zip_code: Str,
  telecommuting: Type.Boolean(),
  workplace_type: WorkplaceType,
};
const JobLocation = Closed({
  shortcode: Type.String(),
  country_code: Str,
  country_name: Str,
  state_code: Str,
  subregion: Str,
  zip_code: Str,
  city: Str,
  coords: Str,
  hidden: Type.Boolean(),
});
const Salary = Closed({ salary_from: Nullable(Type.Integer()), salary_to: Nullable(Type.Integer()), salary_currency: Str });
const head = {
  id: Id,
  title: Type.String(),
  full_title: Type.String(),
  shortcode: Shortcode,
  code: Str,
  state: State,
};
const middle = {
  confidential: Type.Boolean(),
  department: Str,
  department_hierarchy: Type.Array(Closed({ id: Type.Integer(), name: Type.String() })),
  url: Type.String(),
  application_url: Type.String(),
  shortlink: Type.String(),
  workplace_type: WorkplaceType,
};

/** One item of `GET /spi/v3/jobs`, keys in the order the live API sends them. */
export const WorkableJobListItem = Closed({
  ...head,
  sample: Type.Boolean(),
  ...middle,
  location: Closed({ location_str: Str, ...locationKeys }),
  locations: Type.Array(JobLocation),
  salary: Salary,
  created_at: DateTime,
  updated_at: DateTime,
  keywords: Nullable(Type.Array(Type.String())),
});

/** `GET /spi/v3/jobs/{shortcode}`: no `sample`, no `location.location_str`, and the posting's texts. */
export const WorkableJob = Closed({
  ...head,
  ...middle,
  location: Closed(locationKeys),
  locations: Type.Array(JobLocation),
  created_at: DateTime,
  updated_at: DateTime,
  full_description: Type.String(),
  description: Type.String(),
  requirements: Str,
  benefits: Str,
  employment_type: Str,
  industry: Str,
  function: Str,
  experience: Str,
  education: Str,
  keywords: Nullable(Type.Array(Type.String())),
  salary: Salary,
});
export const WorkableAnyJob = Type.Union([WorkableJob, WorkableJobListItem]);
export type WorkableJobListItem = Static<typeof WorkableJobListItem>;
export type WorkableJob = Static<typeof WorkableJob>;
export type WorkableAnyJob = Static<typeof WorkableAnyJob>;

/** What the store keeps: the get's record plus the two keys only the list has; each call drops what it lacks. */
export type StoredJob = WorkableJob & { sample: boolean; location_str: string | null };

/** The world's job in Workable's words; `stamp` is Workable's date for an instant of the world. */
export function toWorkableJob(job: WorldJob, world: World, stamp: (ms: number) => string): StoredJob {
  const shortcode = ids.shortcode(job.n);
  const chain: { id: number; name: string }[] = [];
  for (let d = world.departments.find((x) => x.n === job.departmentN); d; d = world.departments.find((x) => x.n === d!.parentN)) {
    chain.unshift({ id: more.departmentNumber(d.n), name: d.name });
  }
  const isRemote = job.office.toLowerCase().includes('remote');
  const workplace: WorkableJob['workplace_type'] = isRemote ? 'remote' : 'on_site';
  const backend = ids.backendJob(job.n);
  return {
    id: more.job(job.n),
    title: job.title,
    full_title: `${job.title} - ${job.department}`,
    shortcode,
    code: null,
    // A draft never published; Workable's "closed" is also its word for a job no longer taking candidates.
    state: job.status === 'open' ? 'published' : job.status,
    confidential: false,
    department: chain.at(-1)?.name ?? job.department,
    department_hierarchy: chain,
    url: `https://${SUBDOMAIN}.workable.com/jobs/${backend}`,
    application_url: `https://${SUBDOMAIN}.workable.com/jobs/${backend}/candidates/new`,
    shortlink: `https://apply.workable.com/j/${shortcode}`,
    workplace_type: workplace,
    location: { country: null, country_code: null, region: null, region_code: null, city: job.office, zip_code: null, telecommuting: isRemote, workplace_type: workplace },
    locations: [
      { shortcode: `L${shortcode}`, country_code: null, country_name: null, state_code: null, subregion: null, zip_code: null, city: job.office, coords: null, hidden: false },
    ],
    created_at: stamp(job.createdAt),
    updated_at: stamp(job.updatedAt),
    full_description: `<p>${job.title}, ${job.department}, ${job.office}.</p>`,
    description: `<p>${job.title}, ${job.department}, ${job.office}.</p>`,
    requirements: null,
    benefits: null,
    employment_type: 'Full-time',
    industry: null,
    function: null,
    experience: null,
    education: null,
    keywords: null,
    salary: { salary_from: null, salary_to: null, salary_currency: null },
    sample: false,
    location_str: job.office,
  };
}

/** The list's item: `sample` after `state`, `location_str` first in `location`, no posting texts. */
export function jobListItem(s: StoredJob): WorkableJobListItem {
  return {
    id: s.id, title: s.title, full_title: s.full_title, shortcode: s.shortcode, code: s.code, state: s.state,
    sample: s.sample,
    confidential: s.confidential, department: s.department, department_hierarchy: s.department_hierarchy,
    url: s.url, application_url: s.application_url, shortlink: s.shortlink, workplace_type: s.workplace_type,
    location: { location_str: s.location_str, ...s.location },
    locations: s.locations, salary: s.salary, created_at: s.created_at, updated_at: s.updated_at, keywords: s.keywords,
  };
}

export function jobRecord(s: StoredJob): WorkableJob {
  const { sample: _sample, location_str: _str, ...job } = s;
  return job;
}

const STATUS = { published: 'open', draft: 'draft', closed: 'closed', archived: 'archived' } as const;

/**
 * The unified job's id is the shortcode (candidates name their job by it). Departments are the hierarchy's last
 * entry, its integer id in the hex form `/departments` uses. Workable's list has no hiring team, no offices (a
 * location only) and no requisition id; the description is the get's `full_description` only.
 */
export function jobToUnified(raw: WorkableAnyJob): Job {
  const department = raw.department_hierarchy.at(-1);
  const city = raw.location.city;
  return {
    id: raw.shortcode,
    name: raw.title,
    ...('full_description' in raw ? { description: raw.full_description } : {}),
    ...(raw.code !== null ? { code: raw.code } : {}),
    status: STATUS[raw.state],
    locations: city !== null ? [city] : [],
    job_posting_urls: [
      { url: raw.shortlink, type: 'shortlink' },
      { url: raw.application_url, type: 'application' },
    ],
    confidential: raw.confidential,
    departments: department ? [{ id: department.id.toString(16), name: department.name }] : [],
    created_at: unifiedDate(raw.created_at),
    updated_at: unifiedDate(raw.updated_at),
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'name', 'code', 'status', 'locations', 'job_posting_urls.url', 'job_posting_urls.type', 'confidential',
  'departments.id', 'departments.name', 'created_at', 'updated_at',
] as const;
/** What a fetched job fills beyond a listed one. */
export const GET_ONLY_FIELDS = ['description'] as const;
