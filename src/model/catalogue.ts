import type { Static, TSchema } from '@sinclair/typebox';
import type { FilterName } from '../truto/filters.js';
import { ApplicationSchema } from './application.js';
import { AttachmentSchema } from './attachment.js';
import { CandidateSchema } from './candidate.js';

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

/** THE table of Truto's unified ATS resources (CONTRACT §8). */
export const CATALOGUE = {
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
} as const;

export type Catalogue = typeof CATALOGUE;
export type ResourceName = keyof Catalogue;
/** The unified record of a resource. */
export type UnifiedOf<R extends ResourceName> = Static<Catalogue[R]['schema']>;

export const RESOURCE_NAMES = Object.keys(CATALOGUE) as ResourceName[];

export function resourceNamed(name: string): ResourceSpec | undefined {
  return Object.hasOwn(CATALOGUE, name) ? CATALOGUE[name as ResourceName] : undefined;
}
