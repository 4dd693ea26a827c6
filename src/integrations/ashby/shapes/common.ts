import { Type, type TSchema } from '@sinclair/typebox';
import { UUID_PATTERN } from '../ids.js';

/** Pieces every Ashby shape uses: UUIDs, ISO 8601 UTC with milliseconds, closed objects, `null` for no value. */
export const Uuid = Type.String({ pattern: UUID_PATTERN });
export const AshbyDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' });
export const Closed = { additionalProperties: false } as const;
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Literals = (words: readonly string[]) => Type.Union(words.map((w) => Type.Literal(w)));

/** What a mapping puts in `remote_data`: the raw record itself, top level only. */
export const remote = (raw: object): Record<string, unknown> => raw as Record<string, unknown>;
