import type { Office } from '../../../model/office.js';
import { ashbyResource } from '../api.js';
import { AshbyLocation, fields, locationToUnified } from '../shapes/offices.js';

/** `location.list` (`includeArchived`, `includeLocationHierarchy`): not paginated, no sync token. */
export const offices = ashbyResource<Office, AshbyLocation>({
  kind: 'office',
  methods: ['list'],
  fields,
  list: 'location.list',
  sync: false,
  rawSchema: AshbyLocation,
  toUnified: ({ raw }) => locationToUnified(raw),
});
