import type { Eeoc } from '../../../model/eeoc.js';
import { enc, harvestResource } from '../api.js';
import { eeocToUnified, fields, GreenhouseEeoc } from '../shapes/eeoc.js';

/**
 * `GET /v1/eeoc` (a page of every application's answers) and `GET /v1/applications/{id}/eeoc`: a record is known by
 * its application's id. Harvest filters by `submitted_after`/`before` only (remote_query), not by creation.
 */
export const eeocs = harvestResource<Eeoc, GreenhouseEeoc>({
  kind: 'eeoc',
  methods: ['list', 'get'],
  fields,
  path: '/eeoc',
  getPath: (id) => `/applications/${enc(id)}/eeoc`,
  rawSchema: GreenhouseEeoc,
  toUnified: ({ raw }) => eeocToUnified(raw),
});
