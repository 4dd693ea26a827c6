import { Type, type Static } from '@sinclair/typebox';
import type { Tag } from '../../../model/tag.js';
import type { WorldTag } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { Id, remote } from './common.js';

/** `GET /v1/tags/candidate` (and `GET /v1/candidates/{id}/tags`): the account's candidate tags. */
export const GreenhouseTag = Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false });
export type GreenhouseTag = Static<typeof GreenhouseTag>;

export function toHarvestTag(tag: WorldTag): GreenhouseTag {
  return { id: Number(ids.tag(tag.n)), name: tag.name };
}

/** Harvest's tag has no dates. */
export function tagToUnified(raw: GreenhouseTag): Tag {
  return { id: String(raw.id), name: raw.name, remote_data: remote(raw) };
}

export const fields = ['id', 'name'] as const;
