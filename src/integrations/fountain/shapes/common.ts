import { Type } from '@sinclair/typebox';

/** Fountain's UUIDs, times (account zone, milliseconds, offset) and nullable strings, as raw.ts writes them. */
export const Uuid = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' });
export const Time = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}$' });
export const Str = Type.Union([Type.String(), Type.Null()]);

export const remote = (raw: object) => raw as unknown as Record<string, unknown>;
