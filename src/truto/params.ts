import { Type, type Static, type TProperties } from '@sinclair/typebox';
import type { ReadMethod, ResourceSpec, WriteSpec } from '../model/catalogue.js';
import { StringEnum } from '../model/common.js';
import { filterSchema, type FilterName } from './filters.js';

export const RESPONSE_FORMATS = ['unified', 'raw', 'normalized', 'stream', 'debug'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

const Bool = (description: string) => Type.Boolean({ description });

/** Truto's own parameters, accepted on every unified call. */
const TrutoParams = {
  integrated_account_id: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'The ID of the integrated account to use for the request.',
  }),
  truto_response_format: Type.Optional(
    StringEnum([...RESPONSE_FORMATS], { description: 'The format of the response. Defaults to unified.' }),
  ),
  truto_ignore_remote_data: Type.Optional(Bool('Excludes the remote_data attribute from the response.')),
  truto_exclude_fields: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      maxItems: 100,
      description: 'Fields to exclude from every record; dotted paths reach nested ones (applications.attachments).',
    }),
  ),
  remote_query: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'Query parameters to pass to the underlying API without any transformations.',
    }),
  ),
} satisfies TProperties;

const ListParams = {
  limit: Type.Optional(Type.Integer({ minimum: 1, description: 'Records per page; above the integration\'s maximum it is clamped.' })),
  next_cursor: Type.Optional(Type.String({ maxLength: 500, description: 'The next_cursor of the previous page.' })),
  truto_key_by: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Turns result into an object keyed by this field of each record.' }),
  ),
  truto_ignore_limit: Type.Optional(Bool('Ignores the limit query parameter: every matching record in one page.')),
} satisfies TProperties;

/** The query schema of one method of one resource: Truto's parameters and the resource's filters, all optional. */
export function queryFor(spec: ResourceSpec, method: ReadMethod) {
  const filters: TProperties = {};
  for (const name of spec.filters[method]) filters[name] = Type.Optional(filterSchema(name, spec.name));
  return Type.Object({ ...TrutoParams, ...(method === 'list' ? ListParams : {}), ...filters });
}

/** The query schema of a write: Truto's parameters (the format, exclusions) and the write's own. */
export function writeQueryFor(write: WriteSpec) {
  const own = (write.query as { properties?: TProperties } | undefined)?.properties ?? {};
  return Type.Object({
    ...TrutoParams,
    truto_body_passthrough: Type.Optional(Bool('Sends the body to the integration as it is (what the SDKs set for a FormData upload).')),
    ...own,
  });
}

/** What a route's query holds once validated: Truto's parameters, and the filters by name. */
export type TrutoQuery = Static<typeof AnyQuery> & Partial<Record<FilterName, unknown>>;
const AnyQuery = Type.Object({ ...TrutoParams, ...ListParams });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, description: 'The ID of the resource.' }) });
