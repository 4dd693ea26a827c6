import { createHash } from 'node:crypto';
import type { FileLinks } from '../files/links.js';
import { RemoteFailure, type RemoteCall, type ResourceEmulation, type WriteCommand, type WriteContext } from '../integrations/types.js';
import { CATALOGUE, type ResourceName, type ResourceSpec, type WriteMethod } from '../model/catalogue.js';
import type { UploadedFile } from '../model/writes.js';
import { REFERENCE_TIME } from '../seed/reference-time.js';
import { ReadonlyStoreError } from '../store/index.js';
import type { Account, Accounts } from './accounts.js';
import { canonical } from './canonical.js';
import { errors } from './errors.js';
import { supportedMethods } from './methods.js';
import type { TrutoQuery } from './params.js';
import { presentation, presentRecord } from './present.js';
import { JSON_TYPE, NDJSON_TYPE } from './unified.js';

/** A write's request, as the route parsed it. */
export interface WriteRequest {
  query: TrutoQuery & Record<string, unknown>;
  body: Record<string, unknown>;
  file?: UploadedFile;
  idempotencyKey?: string;
  /** The mock's base URL as the client reached it (file links). */
  base: string;
}

/** What a write answers: the status, and the body as sent. */
export interface WriteAnswer {
  status: number;
  contentType: string;
  text: string;
  /** True when this is the kept answer of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * Truto's unified writes over the store (CONTRACT §9): account → the integration's command → Truto's validation →
 * Idempotency-Key → one transaction (numbered write, logical clock) → the answer in the asked format.
 */
export class UnifiedWrites {
  constructor(
    private readonly accounts: Accounts,
    private readonly links: FileLinks,
    private readonly seed: () => number,
  ) {}

  /** `attachments/download`: the file, where the account's integration serves attachments. */
  download<T>(resource: ResourceName, accountId: string, fetch: () => T): T {
    const account = this.accounts.get(accountId);
    const emulation = account.integration.resources[resource] as ResourceEmulation<object> | undefined;
    const supported = supportedMethods(emulation, resource);
    if (!supported.includes('download')) throw errors.unsupported(account.integration.name, resource, 'download', supported);
    return fetch();
  }

  /** The account and its integration's command for this write, or the 404 (unsupported) or 405 (sandbox) answer. */
  admit(resource: ResourceName, method: WriteMethod, accountId: string): { account: Account; command: WriteCommand } {
    const account = this.accounts.get(accountId);
    const integration = account.integration;
    const emulation = integration.resources[resource] as ResourceEmulation<object> | undefined;
    const command = emulation?.commands?.[method];
    if (!command) throw errors.unsupported(integration.name, resource, method, supportedMethods(emulation, resource));
    if (account.row.settings.sandbox) throw errors.sandbox(account.row.id);
    return { account, command };
  }

  write(resource: ResourceName, method: WriteMethod, req: WriteRequest): WriteAnswer {
    const { account, command } = this.admit(resource, method, req.query.integrated_account_id);
    const integration = account.integration;
    const missingQuery = (command.required.query ?? []).filter((q) => req.query[q] === undefined);
    if (missingQuery.length > 0) throw errors.missingQuery(missingQuery, integration.name);
    // An upload's `file` is its file part; its other fields are form fields, or query parameters (a client that sends
    // only the file in its FormData names the record in the URL); every other write's fields are in the body.
    const upload = (CATALOGUE[resource] as ResourceSpec).writes?.[method]?.multipart === true;
    const missingBody = requiredFields(command, account).filter((f) =>
      f === 'file' ? req.file === undefined : absent(req.body[f]) && (!upload || absent(req.query[f])),
    );
    if (missingBody.length > 0) throw errors.missingBody(missingBody, integration.name);

    const store = this.accounts.store;
    const key = account.row.key;
    const request = fingerprint(resource, method, req);
    if (req.idempotencyKey !== undefined) {
      const kept = store.writes.find(key, req.idempotencyKey);
      if (kept) {
        if (kept.request !== request) throw errors.idempotencyMismatch();
        return { status: kept.status, contentType: kept.content_type, text: kept.answer, replayed: true };
      }
    }
    try {
      return store.write(() => {
        const n = store.writes.made(key) + 1;
        const ctx: WriteContext = {
          reader: account.reader,
          put: (kind, record) => store.records.put(key, kind, record),
          keepFile: (id, file) => store.writes.keepFile(key, id, { file_name: file.fileName, content_type: file.contentType, bytes: file.bytes }),
          n,
          seed: this.seed(),
          now: REFERENCE_TIME + n * 1000,
          variables: account.row.settings.variables ?? {},
          render: { fileUrl: (attachmentId, fileName) => this.links.url(req.base, account.row.id, attachmentId, fileName) },
        };
        let outcome;
        try {
          outcome = command.run({ body: req.body, query: req.query, ...(req.file ? { file: req.file } : {}) }, ctx);
        } catch (err) {
          if (err instanceof RemoteFailure) throw errors.remote(err.error.statusCode, err.error.message, err.error.body);
          throw err;
        }
        const answer = present(resource, method, req.query, outcome);
        store.writes.keep(key, n, req.idempotencyKey, { request, status: answer.status, content_type: answer.contentType, answer: answer.text });
        return { ...answer, replayed: false };
      });
    } catch (err) {
      if (err instanceof ReadonlyStoreError) throw errors.readonlyStore();
      // Another process holds the file's write lock: replicas started on one shared file rather than on copies.
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw errors.storeBusy();
      throw err;
    }
  }
}

/** The body fields a command demands of this account (Greenhouse's `user_id` unless `on_behalf_of_user_id` is set). */
function requiredFields(command: WriteCommand, account: Account): string[] {
  const variables = account.row.settings.variables ?? {};
  const unless = Object.entries(command.requiredUnlessVariable ?? {}).filter(([, variable]) => !variables[variable]).map(([field]) => field);
  return [...command.required.body, ...unless];
}

const absent = (v: unknown) => v === undefined || v === null || v === '';

/** What makes two writes "the same request" for Idempotency-Key: what they ask, not how the client reached the mock. */
function fingerprint(resource: string, method: string, req: WriteRequest): string {
  const hash = createHash('sha256').update(canonical([resource, method, req.query, req.body]));
  if (req.file) hash.update(req.file.fileName).update(req.file.contentType).update(req.file.bytes);
  return hash.digest('base64url');
}


/** A create answers 201 and the record; a custom method 200 and `{ result }` (CONTRACT §9); `raw` the API's own answer. */
function present(resource: ResourceName, method: WriteMethod, query: TrutoQuery, outcome: { unified: object; remote: { status: number; body: unknown }; call: RemoteCall }) {
  const status = method === 'create' ? 201 : 200;
  const format = query.truto_response_format ?? 'unified';
  if (format === 'raw') {
    return outcome.remote.body === undefined
      ? { status, contentType: 'text/plain; charset=utf-8', text: '' }
      : { status, contentType: JSON_TYPE, text: JSON.stringify(outcome.remote.body) };
  }
  const record = presentRecord(presentation(format, CATALOGUE[resource].schema, query), outcome.unified);
  if (format === 'stream') return { status, contentType: NDJSON_TYPE, text: `${JSON.stringify(record)}\n` };
  const body =
    format === 'debug'
      ? {
          result: record,
          debug: { requestUrl: outcome.call.url, requestOptions: outcome.call.options, data: outcome.remote.body ?? null, responseHeaders: outcome.call.responseHeaders },
        }
      : method === 'create'
        ? record
        : { result: record };
  return { status, contentType: JSON_TYPE, text: JSON.stringify(body) };
}
