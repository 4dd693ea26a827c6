import { Type, type Static } from '@sinclair/typebox';
import type { Tag } from '../../../model/tag.js';

/** `GET /v1/tags`: `{count, text}`, no id (the text is the tag, as opportunities carry it). */
export const LeverTag = Type.Object({ count: Type.Integer({ minimum: 0 }), text: Type.String() }, { additionalProperties: false });
export type LeverTag = Static<typeof LeverTag>;

/** The text is the only identity a Lever tag has: it is the id and the name. */
export function tagToUnified(raw: LeverTag): Tag {
  return { id: raw.text, name: raw.text, remote_data: raw as unknown as Record<string, unknown> };
}

export const fields = ['id', 'name'] as const;
