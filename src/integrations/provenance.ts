import type { RecordRow } from '../store/records.js';

/**
 * Which stored row a rendered raw record came from. Some ATSs leave keys out of a record that Truto knows from
 * the call it made (Greenhouse's attachments have no id and no owner); the mapping reads them here. A symbol key
 * is invisible to JSON.stringify and Object.keys, so the raw record still serializes exactly as the API sends it.
 */
const ROW = Symbol('row');

export function withRow<T extends object>(raw: T, row: RecordRow): T {
  (raw as { [ROW]?: RecordRow })[ROW] = row;
  return raw;
}

export function rowOf(raw: object): RecordRow {
  const row = (raw as { [ROW]?: RecordRow })[ROW];
  if (!row) throw new Error('raw record was not rendered from a stored row');
  return row;
}
