/**
 * A unified record as it stands inside another one. Only the top-level record carries `remote_data` (CONTRACT §6,
 * as Truto's pages list it once): an application or attachment nested in a candidate, or an attachment in an
 * application, leaves its own out, though the same mapping gives it when the record is the answer itself.
 */
export function nested<T extends { remote_data?: unknown }>(record: T): Omit<T, 'remote_data'> {
  const { remote_data: _remoteData, ...rest } = record;
  return rest;
}
