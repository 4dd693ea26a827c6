import type { TSchema } from '@sinclair/typebox';
import { fieldTree, normalized, valueAt, withoutFields, type FieldTree } from './fields.js';
import type { ResponseFormat } from './params.js';

/** How every unified record of one answer is shaped: Truto's format, exclusions and `remote_data` stripping. */
export interface Presentation {
  format: ResponseFormat;
  schema: TSchema;
  ignoreRemoteData: boolean;
  exclude: FieldTree | undefined;
}

export function presentation(
  format: ResponseFormat,
  schema: TSchema,
  query: { truto_ignore_remote_data?: boolean; truto_exclude_fields?: string[] },
): Presentation {
  const fields = query.truto_exclude_fields ?? [];
  return {
    format,
    schema,
    ignoreRemoteData: query.truto_ignore_remote_data === true,
    exclude: fields.length > 0 ? fieldTree(fields) : undefined,
  };
}

/** One unified record as the answer shows it (`raw` never comes here: it is never altered). */
export function presentRecord(p: Presentation, record: object): unknown {
  let out: unknown = p.format === 'normalized' ? normalized(p.schema, record) : p.ignoreRemoteData ? withoutRemoteData(record) : record;
  if (p.exclude) out = withoutFields(out, p.exclude);
  return out;
}

/** Drops `remote_data`, which only the top-level record carries (CONTRACT §6: nested records have none). */
function withoutRemoteData(record: object): object {
  const { remote_data: _remoteData, ...rest } = record as { remote_data?: unknown };
  return rest;
}

/** `truto_key_by`'s key for a record (a record without the field is keyed `undefined`, as lodash's keyBy does). */
export function keyOf(record: unknown, field: string): string {
  return String(valueAt(record, field));
}

export interface ListEnvelope {
  result: unknown[];
  next_cursor: string | null;
  prev_cursor: null;
  result_count: number;
}

/** One page in Truto's envelope (whole lists and `truto_key_by` are written by `wholeList` in unified.ts). */
export function envelope(records: unknown[], nextCursor: string | null): ListEnvelope {
  return {
    result: records,
    next_cursor: nextCursor,
    prev_cursor: null,
    result_count: records.length,
  };
}
