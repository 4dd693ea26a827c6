import { Type } from '@sinclair/typebox';

/** Breezy's conventions (provider-shapes-2 §4): 12-hex `_id`s, ISO 8601 UTC dates with milliseconds, `null` for absent. */
export const Id = Type.String({ pattern: '^[0-9a-f]{12}$' });
export const Str = Type.Union([Type.String(), Type.Null()]);
export const BreezyDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' });
export const Strict = { additionalProperties: false } as const;
export const IdName = Type.Object({ id: Type.String(), name: Type.String() }, Strict);
