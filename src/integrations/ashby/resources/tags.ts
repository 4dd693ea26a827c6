import type { Tag } from '../../../model/tag.js';
import { ashbyResource } from '../api.js';
import { AshbyTag, fields, tagToUnified } from '../shapes/tags.js';

/** `candidateTag.list` (`includeArchived`, cursor, syncToken). */
export const tags = ashbyResource<Tag, AshbyTag>({
  kind: 'tag',
  methods: ['list'],
  fields,
  list: 'candidateTag.list',
  rawSchema: AshbyTag,
  toUnified: ({ raw }) => tagToUnified(raw),
});
