import type { Tag } from '../../../model/tag.js';
import { harvestResource } from '../api.js';
import { fields, GreenhouseTag, tagToUnified } from '../shapes/tags.js';

/** `GET /v1/tags/candidate`: the account's candidate tags, no filters. */
export const tags = harvestResource<Tag, GreenhouseTag>({
  kind: 'tag',
  methods: ['list'],
  fields,
  path: '/tags/candidate',
  rawSchema: GreenhouseTag,
  toUnified: ({ raw }) => tagToUnified(raw),
});
