import { Type, type Static } from '@sinclair/typebox';
import type { Tag } from '../../../model/tag.js';
import { Closed, remote, Uuid } from './common.js';

/** `candidateTag.list` items: the same `{id, title, isArchived}` a candidate's `tags` carry. */
export const AshbyTag = Type.Object({ id: Uuid, title: Type.String(), isArchived: Type.Boolean() }, Closed);
export type AshbyTag = Static<typeof AshbyTag>;

export const tagToUnified = (raw: AshbyTag): Tag => ({ id: raw.id, name: raw.title, remote_data: remote(raw) });

export const fields = ['id', 'name'] as const;
