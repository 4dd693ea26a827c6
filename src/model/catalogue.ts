import type { Static, TSchema } from '@sinclair/typebox';
import type { FilterName } from '../truto/filters.js';
import { ActivitySchema } from './activity.js';
import { ApplicationSchema } from './application.js';
import { AttachmentSchema } from './attachment.js';
import { CandidateSchema } from './candidate.js';
import { DepartmentSchema } from './department.js';
import { EeocSchema } from './eeoc.js';
import { InterviewSchema } from './interview.js';
import { JobFormFieldSchema } from './job-form-field.js';
import { JobInterviewStageSchema } from './job-interview-stage.js';
import { JobSchema } from './job.js';
import { OfferSchema } from './offer.js';
import { OfficeSchema } from './office.js';
import { OrganizationSchema } from './organization.js';
import { RejectReasonSchema } from './reject-reason.js';
import { ScorecardSchema } from './scorecard.js';
import { TagSchema } from './tag.js';
import { UserSchema } from './user.js';

/** The read methods of Truto's unified API. */
export type ReadMethod = 'list' | 'get';

/** One unified resource, described once: routes, query schemas, OpenAPI and filter handling come from here. */
export interface ResourceSpec<S extends TSchema = TSchema> {
  /** Its path segment and name: `/unified/ats/<name>`. */
  name: string;
  /** One record, in words: `Get a <singular>`. */
  singular: string;
  schema: S;
  methods: readonly ReadMethod[];
  /** The unified filters each method takes (which of them an integration honours is the integration's business). */
  filters: { list: readonly FilterName[]; get: readonly FilterName[] };
}

const spec = <S extends TSchema>(s: ResourceSpec<S>): ResourceSpec<S> => s;

/** `created_at[…]` and `updated_at[…]` on every list (CONTRACT §8). */
const DATES = ['created_at', 'updated_at'] as const satisfies readonly FilterName[];

/** A resource read with list and get, filtered by its relations and the common dates. */
const listGet = <S extends TSchema>(name: string, singular: string, schema: S, filters: readonly FilterName[] = []) =>
  spec({ name, singular, schema, methods: ['list', 'get'], filters: { list: [...filters, ...DATES], get: [] } });
/** A resource Truto only lists. */
const listOnly = <S extends TSchema>(name: string, singular: string, schema: S, filters: readonly FilterName[] = []) =>
  spec({ name, singular, schema, methods: ['list'], filters: { list: [...filters, ...DATES], get: [] } });

/** THE table of Truto's unified ATS resources (CONTRACT §8). */
export const CATALOGUE = {
  activities: listOnly('activities', 'activity', ActivitySchema, ['candidate_id', 'user_id', 'actor']),
  applications: spec({
    name: 'applications',
    singular: 'application',
    schema: ApplicationSchema,
    methods: ['list', 'get'],
    filters: { list: ['candidate_id', 'job_id', ...DATES], get: [] },
  }),
  attachments: spec({
    name: 'attachments',
    singular: 'attachment',
    schema: AttachmentSchema,
    methods: ['list'],
    filters: { list: ['candidate_id', 'application_id', 'job_id', 'organization_id', 'expires_in', ...DATES], get: [] },
  }),
  candidates: spec({
    name: 'candidates',
    singular: 'candidate',
    schema: CandidateSchema,
    methods: ['list', 'get'],
    filters: {
      list: [
        'job_id', 'organization_id', ...DATES, 'email', 'name', 'first_name', 'last_name', 'title', 'company', 'tags', 'ids',
        'sort_by',
      ],
      get: ['job_id', 'organization_id'],
    },
  }),
  departments: listGet('departments', 'department', DepartmentSchema),
  eeocs: listGet('eeocs', 'EEOC record', EeocSchema, ['candidate_id']),
  interviews: listGet('interviews', 'interview', InterviewSchema, ['candidate_id', 'application_id', 'job_id', 'user_id', 'start_at', 'end_at']),
  job_form_fields: listOnly('job_form_fields', 'job form field', JobFormFieldSchema, ['job_id']),
  job_interview_stages: listGet('job_interview_stages', 'job interview stage', JobInterviewStageSchema, ['job_id']),
  jobs: listGet('jobs', 'job', JobSchema),
  offers: listOnly('offers', 'offer', OfferSchema, ['candidate_id', 'application_id', 'job_id', 'start_date']),
  offices: listGet('offices', 'office', OfficeSchema),
  organizations: listGet('organizations', 'organization', OrganizationSchema),
  reject_reasons: listOnly('reject_reasons', 'reject reason', RejectReasonSchema),
  scorecards: listOnly('scorecards', 'scorecard', ScorecardSchema, ['candidate_id', 'application_id', 'interview_id', 'user_id']),
  tags: listOnly('tags', 'tag', TagSchema),
  users: listGet('users', 'user', UserSchema, ['name']),
} as const;

export type Catalogue = typeof CATALOGUE;
export type ResourceName = keyof Catalogue;
/** The unified record of a resource. */
export type UnifiedOf<R extends ResourceName> = Static<Catalogue[R]['schema']>;

export const RESOURCE_NAMES = Object.keys(CATALOGUE) as ResourceName[];

export function resourceNamed(name: string): ResourceSpec | undefined {
  return Object.hasOwn(CATALOGUE, name) ? CATALOGUE[name as ResourceName] : undefined;
}
