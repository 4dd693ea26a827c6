import type { Tag } from '../../../model/tag.js';
import { leverResource, token } from '../api.js';
import { fields, LeverTag, tagToUnified } from '../shapes/tags.js';

/** `GET /v1/tags`: the tags on the account's opportunities, with how many carry each; no filters. */
export const tags = leverResource<Tag, LeverTag>({
  kind: 'tag',
  methods: ['list'],
  fields,
  path: '/tags',
  what: 'tag',
  rawSchema: LeverTag,
  toUnified: ({ raw }) => tagToUnified(raw),
  pageToken: (last) => token(last.count, last.text),
});
