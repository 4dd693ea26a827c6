import type { RecordRow } from '../store/records.js';

/**
 * Which stored row a rendered raw record came from. Some ATSs leave keys out of a record that Truto knows from
 * the call it made (Greenhouse's attachments have no id and no owner); the mapping reads them here, and the raw
 * record itself stays exactly as the API would send it.
 */
const rows = new WeakMap<object, RecordRow>();

export function withRow<T extends object>(raw: T, row: RecordRow): T {
  rows.set(raw, row);
  return raw;
}

export function rowOf(raw: object): RecordRow {
  const row = rows.get(raw);
  if (!row) throw new Error('raw record was not rendered from a stored row');
  return row;
}
