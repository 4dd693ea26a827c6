import type { Office } from '../../../model/office.js';
import { harvestResource } from '../api.js';
import { fields, GreenhouseOffice, officeToUnified } from '../shapes/offices.js';

/** `GET /v1/offices`: no date filters (Harvest's offices have no dates). */
export const offices = harvestResource<Office, GreenhouseOffice>({
  kind: 'office',
  methods: ['list', 'get'],
  fields,
  path: '/offices',
  rawSchema: GreenhouseOffice,
  toUnified: ({ raw }) => officeToUnified(raw),
});
