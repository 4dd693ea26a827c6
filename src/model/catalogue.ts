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
import {
  ActivityCreateBodySchema,
  AttachmentCreateFieldsSchema,
  CandidateCreateBodySchema,
  DownloadBodySchema,
  MoveStageBodySchema,
  RejectBodySchema,
} from './writes.js';
import { Type } from '@sinclair/typebox';

/** The read methods of Truto's unified API. */
export type ReadMethod = 'list' | 'get';
/** Its writes: create (`POST /<resource>`) and the custom methods (`POST /<resource>/<method>`). */
export type WriteMethod = 'create' | 'move-stage' | 'reject' | 'download';
export type Method = ReadMethod | WriteMethod;

/** One write of a resource, as every integration that offers it takes it. */
export interface WriteSpec {
  /** The JSON body (unified field names); `multipart` for an upload, whose form fields it describes. */
  body: TSchema;
  multipart?: boolean;
  /** Query parameters beside `integrated_account_id` (Lever's create takes `job_id`, `application_source`). */
  query?: TSchema;
  summary: string;
}

/** One unified resource, described once: routes, query schemas, OpenAPI and filter handling come from here. */
export interface ResourceSpec<S extends TSchema = TSchema> {
  /** Its path segment and name: `/unified/ats/<name>`. */
  name: string;
  /** One record, in words: `Get a <singular>`. */
  singular: string;
  schema: S;
  methods: readonly ReadMethod[];
  /** Its writes (CONTRACT §9); which of them an integration offers is the integration's business. */
  writes?: Partial<Record<WriteMethod, WriteSpec>>;
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
  activities: {
    ...listOnly('activities', 'activity', ActivitySchema, ['candidate_id', 'user_id', 'actor']),
    writes: { create: { body: ActivityCreateBodySchema, summary: 'Create an activity (a note on a candidate)' } },
  },
  applications: spec({
    name: 'applications',
    singular: 'application',
    schema: ApplicationSchema,
    methods: ['list', 'get'],
    writes: {
      'move-stage': { body: MoveStageBodySchema, summary: 'Move an application to another stage' },
      reject: { body: RejectBodySchema, summary: 'Reject an application' },
    },
    filters: { list: ['candidate_id', 'job_id', ...DATES], get: [] },
  }),
  attachments: spec({
    name: 'attachments',
    singular: 'attachment',
    schema: AttachmentSchema,
    methods: ['list'],
    writes: {
      create: {
        body: AttachmentCreateFieldsSchema,
        multipart: true,
        // A FormData may carry the file alone: its candidate is then named in the URL.
        query: Type.Object({ candidate_id: Type.Optional(Type.String({ minLength: 1, description: 'The candidate the file belongs to, if not a form field' })) }),
        summary: 'Upload an attachment (multipart/form-data with a file part)',
      },
      download: {
        body: DownloadBodySchema,
        query: Type.Object({ file_url: Type.String({ minLength: 1, description: 'A file_url the mock issued' }) }),
        summary: 'Download an attachment\'s file',
      },
    },
    filters: { list: ['candidate_id', 'application_id', 'job_id', 'organization_id', 'expires_in', ...DATES], get: [] },
  }),
  candidates: spec({
    name: 'candidates',
    singular: 'candidate',
    schema: CandidateSchema,
    methods: ['list', 'get'],
    writes: {
      create: {
        body: CandidateCreateBodySchema,
        query: Type.Object({
          job_id: Type.Optional(Type.String({ minLength: 1, description: 'The job applied to (Lever: required)' })),
          application_source: Type.Optional(Type.Union([Type.Literal('applicant'), Type.Literal('lead')], { description: 'Lever: an applicant or a sourced lead' })),
        }),
        summary: 'Create a candidate',
      },
    },
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
  users: listGet('users', 'user', UserSchema, ['name', 'access_role']),
} as const;

export type Catalogue = typeof CATALOGUE;
export type ResourceName = keyof Catalogue;
/** The unified record of a resource. */
export type UnifiedOf<R extends ResourceName> = Static<Catalogue[R]['schema']>;

export const RESOURCE_NAMES = Object.keys(CATALOGUE) as ResourceName[];

export function resourceNamed(name: string): ResourceSpec | undefined {
  return Object.hasOwn(CATALOGUE, name) ? CATALOGUE[name as ResourceName] : undefined;
}
