import type { TSchema } from '@sinclair/typebox';
import type { ReadMethod, ResourceName, UnifiedOf, WriteMethod } from '../model/catalogue.js';
import type { UploadedFile } from '../model/writes.js';
import type { World } from '../seed/world.js';
import type { NewRecord, RecordFilter, RecordRow } from '../store/records.js';
import type { FilterName, UnifiedFilters } from '../truto/filters.js';

export type { FilterName, ResourceName, UnifiedFilters };

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
  /**
   * The unified resources it serves, each in a file of its own (`resources/<name>.ts`); a resource or method left
   * out answers Truto's "does not support" 404 (CONTRACT §8).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resource renders items of its own shape
  resources: { readonly [R in ResourceName]?: ResourceEmulation<UnifiedOf<R>, any> };
}

export interface SeedRecord {
  kind: string;
  record: NewRecord;
}

/** The store, narrowed to one account: what an integration may read to compose its records. */
export interface AccountReader {
  get(kind: string, id: string): RecordRow | undefined;
  /** Records of `kind` having any of these lookup keys, in seq order: `byKeys('attachment', ids.map((id) => refKey('candidate', id)))`. */
  byKeys(kind: string, keys: readonly string[]): RecordRow[];
}

/** Per request: how the integration's file links are made (host the client used, expiry), and what it asked for. */
export interface RenderContext {
  fileUrl(attachmentId: string, fileName: string): string;
  /** The request's `remote_query`: keys that change what its API answers (Lever's `expand`). */
  remoteQuery?: Record<string, unknown>;
  /** Seconds its links live when `expires_in` asked for expiring links (an API that says so in its URLs). */
  expiresIn?: number;
}

export interface ListRequest {
  filters: UnifiedFilters;
  remoteQuery: Record<string, unknown>;
  limit: number;
  /** 1-based page number, for the URL its own API would be called with. */
  page: number;
  /** Its own paging token for this page (from `ResourceEmulation.pageToken` of the previous one), if it uses one. */
  pageToken?: string;
}

/** A single-record fetch, as the unified layer parsed it. */
export interface GetRequest {
  id: string;
  filters: UnifiedFilters;
  remoteQuery: Record<string, unknown>;
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

/**
 * A raw record exactly as its API answers it, with what its mapping needs that the record leaves out (Harvest's
 * attachments carry neither id nor owner: Truto knows them from the call it made). An integration may extend it.
 */
export interface Rendered<Raw extends object = object> {
  raw: Raw;
  /** The stored row it was rendered from. */
  row: RecordRow;
}

/** What a page's wrapper may need beside its raw records: the items they were rendered as, and the account's store. */
export interface PageContext<Item extends Rendered = Rendered> {
  items: readonly Item[];
  reader: AccountReader;
}

export interface ResourceEmulation<Unified, Item extends Rendered = Rendered> {
  /** Store kind whose rows this resource's list walks. */
  kind: string;
  /** The read methods its API offers for this resource (Truto's coverage for the integration). */
  methods: readonly ReadMethod[];
  /** The writes its API offers for this resource, each in a file of its own (`commands/<method>.ts`). */
  commands?: { readonly [M in WriteMethod]?: WriteCommand };
  /**
   * The unified fields its API fills, as dotted leaf paths (`emails.email`, `applications.job.id`); `attachments`
   * inside a candidate or application stands for every attachment field it fills. Truto's "N supported" counts come
   * from lists like these; the tests check that the mapping fills exactly these.
   */
  fields: readonly string[];
  /** Unified filters it honours (others are ignored, as its API would) and those it demands. */
  filters: { supported: readonly FilterName[]; required: { list: readonly FilterName[]; get: readonly FilterName[] } };
  /** The store query for a list: the honoured filters plus the `remote_query` keys its API understands. */
  query(request: ListRequest): RecordFilter;
  /**
   * The stored row a get answers, when its API finds records by more than their id (Breezy's candidate lives under
   * a position); without it, the row of `kind` with that id.
   */
  find?(reader: AccountReader, request: GetRequest): RecordRow | undefined;
  /**
   * For a list its API reads off one parent record (Ashby's attachments come from `candidate.info`): the remote
   * error its API gives when that record does not exist; without it, an unknown parent is an empty list.
   */
  parentError?(reader: AccountReader, filters: UnifiedFilters): RemoteError | undefined;
  /** The raw records, exactly as its API answers them, for these rows (in order). */
  render(rows: readonly RecordRow[], reader: AccountReader, ctx: RenderContext): Item[];
  /**
   * The raw record its API answers when that one record is fetched, if that is more than a list item (Workable's
   * list answers a summary of the candidate); without it, `render` of that one row.
   */
  renderOne?(row: RecordRow, reader: AccountReader, ctx: RenderContext): Item;
  /** The unified record for one record that `render` produced. */
  toUnified(item: Item): Unified;
  /** Its API's answer to fetching one record (its own wrapper, if any). */
  rawSingle(raw: object): unknown;
  /**
   * Its API's answer for a page of records (`debug.data`); without it, the bare array. `request`: the list asked
   * for (Workable's next-page link, Ashby's `candidate.search` vs `.list`).
   */
  rawPage?(raws: readonly object[], next: { hasMore: boolean; token?: string }, request?: ListRequest, page?: PageContext<Item>): unknown;
  /** For an API that pages with tokens of its own: the token that asks for the records after this last one. */
  pageToken?(last: object): string;
  /** What it answers for an unknown id. */
  notFound(id: string): RemoteError;
  /** The call its real API would get; `nextToken` is the paging token of the following page, if any. */
  call(
    op: { kind: 'get'; request: GetRequest } | { kind: 'list'; request: ListRequest; hasMore: boolean; nextToken?: string },
    reader: AccountReader,
  ): RemoteCall;
  /** TypeBox schema of one raw record, for its tests and the OpenAPI document. */
  rawSchema: TSchema;
}

/**
 * One write an integration's API offers (`move-stage` on Greenhouse's applications…): what it demands, and what it
 * does to the stored records, as that API would. It runs inside one transaction of the account's store: a
 * `RemoteFailure` thrown anywhere leaves nothing changed.
 */
export interface WriteCommand {
  /** Unified body fields and query parameters its API demands (a missing one is Truto's 400 naming it). */
  required: { body: readonly string[]; query?: readonly string[] };
  /** Body fields it demands unless the account's variables hold one of these (Greenhouse's `on_behalf_of_user_id`). */
  requiredUnlessVariable?: Readonly<Record<string, string>>;
  run(input: WriteInput, ctx: WriteContext): WriteOutcome;
}

export interface WriteInput {
  /** The unified body as sent (an upload's form fields). */
  body: Record<string, unknown>;
  query: Record<string, unknown>;
  /** The file part of an upload. */
  file?: UploadedFile;
}

/** What a write may read and change: the account's records as they stand inside its transaction. */
export interface WriteContext {
  reader: AccountReader;
  /** Stores a record of `kind`: replaces the one with its id, or appends it (after every record of its kind). */
  put(kind: string, record: NewRecord): RecordRow;
  /** Keeps an uploaded file's bytes, served back from its attachment's `file_url`. */
  keepFile(attachmentId: string, file: UploadedFile): void;
  /** The write's number since the last reset (1, 2, …) in this account: created ids derive from it and the seed. */
  n: number;
  seed: number;
  /** The logical clock: the reference time plus one second per write since the last reset, in ms. */
  now: number;
  /** The account's fixture variables (`on_behalf_of_user_id`…). */
  variables: Readonly<Record<string, string>>;
  /** How file links are made for this request. */
  render: RenderContext;
}

/** What a write answers. */
export interface WriteOutcome {
  /** The unified record (the created one, or the one a custom method changed). */
  unified: object;
  /** Its API's own answer: status and body (`truto_response_format=raw`). */
  remote: { status: number; body: unknown };
  /** The call its real API would get, for `debug`. */
  call: RemoteCall;
}

/** A write its API refuses (an unknown application, a stage of another job): Truto passes it on as a remote error. */
export class RemoteFailure extends Error {
  constructor(readonly error: RemoteError) {
    super(error.message);
  }
}
