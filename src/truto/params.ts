import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { StringEnum } from '../model/common.js';

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

const DateRange = (field: string) =>
  Type.Optional(
    Type.Object(
      {
        gt: Type.Optional(Type.String({ description: `${field} after this instant (ISO 8601)` })),
        gte: Type.Optional(Type.String({ description: `${field} at or after this instant` })),
        lt: Type.Optional(Type.String({ description: `${field} before this instant` })),
        lte: Type.Optional(Type.String({ description: `${field} at or before this instant` })),
      },
      { description: `Filter on ${field}: ${field}[gt]=2024-01-01T00:00:00Z` },
    ),
  );

const Id = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

export const CandidateGetQuery = Type.Object({
  ...TrutoParams,
  job_id: Id('The ID of the position to filter the candidates by.'),
  organization_id: Id('The ID of the organization to filter the candidates by.'),
});

export const CandidateListQuery = Type.Object({
  ...TrutoParams,
  ...ListParams,
  job_id: Id('The ID of the job: the candidates who applied to it.'),
  organization_id: Id('The ID of the organization to filter the candidates by.'),
  created_at: DateRange('created_at'),
  updated_at: DateRange('updated_at'),
});

export const AttachmentListQuery = Type.Object({
  ...TrutoParams,
  ...ListParams,
  candidate_id: Id('The ID of the candidate to filter the attachments by.'),
  application_id: Id('The ID of the application to filter the attachments by.'),
  job_id: Id('The ID of the job to filter the attachments by.'),
  organization_id: Id('The ID of the organization to filter the attachments by.'),
  expires_in: Type.Optional(Type.Integer({ minimum: 1, maximum: 31_536_000, description: 'Seconds until the attachment\'s file_url expires.' })),
});

export type CandidateGetQuery = Static<typeof CandidateGetQuery>;
export type CandidateListQuery = Static<typeof CandidateListQuery>;
export type AttachmentListQuery = Static<typeof AttachmentListQuery>;
export type AnyListQuery = CandidateListQuery | AttachmentListQuery;
export type AnyQuery = CandidateGetQuery | AnyListQuery;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, description: 'The ID of the resource.' }) });
