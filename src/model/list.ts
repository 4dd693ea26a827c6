import { Type, type TSchema } from '@sinclair/typebox';

/** Truto's list envelope; `result` becomes an object with `truto_key_by`. */
export const ListEnvelope = <T extends TSchema>(item: T) =>
  Type.Object({
    result: Type.Union([Type.Array(item), Type.Record(Type.String(), item)]),
    next_cursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass it back as next_cursor for the next page; null on the last page',
    }),
    prev_cursor: Type.Null(),
    result_count: Type.Integer({ minimum: 0, description: 'Number of records in this page' }),
  });
