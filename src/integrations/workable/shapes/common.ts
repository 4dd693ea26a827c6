import { Type, type TSchema } from '@sinclair/typebox';

/** Pieces the SPI v3 shapes share: hex string ids, whole-second dates (activities: milliseconds), `null` for empty. */
export const Id = Type.String({ pattern: '^[0-9a-f]{5,12}$' });
export const DateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' });
export const DateTimeMs = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' });
export const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
export const Str = Nullable(Type.String());
export const Closed = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });

/** What a mapping puts in `remote_data`: the raw record itself, top level only. */
export const remote = (raw: object): Record<string, unknown> => raw as Record<string, unknown>;

/** Workable's whole-second timestamps in the unified form (UTC, milliseconds). */
export const unifiedDate = (s: string): string => `${s.slice(0, 19)}.${s.length > 20 ? s.slice(20, 23) : '000'}Z`;
