import type { TSchema } from '@sinclair/typebox';
import type { Attachment } from '../model/attachment.js';
import type { Candidate } from '../model/candidate.js';
import type { World } from '../seed/world.js';
import type { DateRange, NewRecord, RecordFilter, RecordRow } from '../store/records.js';

/**
 * One emulated ATS. A new integration is a folder that exports one of these and a line in `registry.ts`; routes,
 * store and the Truto layer only ever talk to this interface.
 */
export interface Integration {
  name: string;
  /** Page size of its own API: the unified `limit` defaults to `default` and is clamped to `max`. */
  pageSize: { default: number; max: number };
  /** Its raw records for a generated world, kind by kind (`candidate`, `application`, `attachment`, `job`…). */
  seed(world: World): Iterable<SeedRecord>;
  /**
   * Optional: what its API answers with this failure status (401 revoked credentials, 429, 500…), for injected
   * remote errors. Without it, a remote fault carries `{ "message": <reason phrase> }`.
   */
  errorBody?(statusCode: number): RemoteError;
  resources: {
    candidates: ResourceEmulation<Candidate>;
    attachments: ResourceEmulation<Attachment>;
  };
}

export type ResourceName = keyof Integration['resources'];

export interface SeedRecord {
  kind: string;
  record: NewRecord;
}

/** The unified filters, as the Truto layer parsed them from the query. */
export interface UnifiedFilters {
  candidate_id?: string;
  application_id?: string;
  job_id?: string;
  organization_id?: string;
  expires_in?: number;
  created_at?: DateRange;
  updated_at?: DateRange;
}
export type FilterName = keyof UnifiedFilters;

/** The store, narrowed to one account: what an integration may read to compose its records. */
export interface AccountReader {
  get(kind: string, id: string): RecordRow | undefined;
  byParent(kind: string, column: 'candidate_id' | 'application_id', ids: readonly string[]): RecordRow[];
}

/** Per request: how the integration's file links are made (host the client used, expiry). */
export interface RenderContext {
  fileUrl(attachmentId: string, fileName: string): string;
}

export interface ListRequest {
  filters: UnifiedFilters;
  remoteQuery: Record<string, unknown>;
  limit: number;
  /** 1-based page number, for the URL its own API would be called with. */
  page: number;
}

/** How the real integration would have been called, for the `debug` format. */
export interface RemoteCall {
  url: string;
  options: { method: string; headers: Record<string, string>; body?: unknown };
  responseHeaders: Record<string, string>;
}

/** A remote API's own error, to be wrapped in Truto's remote-error body. */
export interface RemoteError {
  statusCode: number;
  message: string;
  body: unknown;
}

export interface ResourceEmulation<Unified> {
  /** Store kind whose rows this resource's list walks. */
  kind: string;
  /** Unified filters it honours (others are ignored, as its API would) and those it demands. */
  filters: { supported: readonly FilterName[]; required: { list: readonly FilterName[]; get: readonly FilterName[] } };
  /** The store query for a list: the honoured filters plus the `remote_query` keys its API understands. */
  query(request: ListRequest): RecordFilter;
  /** The raw records, exactly as its API answers them, for these rows (in order). */
  render(rows: readonly RecordRow[], reader: AccountReader, ctx: RenderContext): object[];
  /** The unified record for one raw record that `render` produced. */
  toUnified(raw: object): Unified;
  /** Its API's answer to fetching one record (its own wrapper, if any). */
  rawSingle(raw: object): unknown;
  /** What it answers for an unknown id. */
  notFound(id: string): RemoteError;
  call(op: { kind: 'get'; id: string } | { kind: 'list'; request: ListRequest; hasMore: boolean }): RemoteCall;
  /** TypeBox schema of one raw record, for its tests and the OpenAPI document. */
  rawSchema: TSchema;
}
