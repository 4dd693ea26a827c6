import type { Organization } from '../../../model/organization.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { call, enc, notFound } from '../api.js';
import { BREEZY } from '../ids.js';
import { BreezyCompany, companyToUnified, fields } from '../shapes/companies.js';

/** `GET /v3/companies` (the token owner's companies: one bare array, no paging) and `GET /v3/company/:id`. */
export const organizations: ResourceEmulation<Organization, Rendered<BreezyCompany>> = {
  kind: 'company',
  methods: ['list', 'get'],
  fields,
  // Breezy's companies list takes no parameters: Truto's date filters are ignored.
  filters: { supported: [], required: { list: [], get: [] } },
  query: () => ({}),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as BreezyCompany, row })),
  toUnified: ({ raw }) => companyToUnified(raw),
  rawSingle: (raw) => raw,
  notFound: notFound('company'),
  call: (op) =>
    op.kind === 'get' ? call(`${BREEZY}/company/${enc(op.request.id)}`, op.request.remoteQuery) : call(`${BREEZY}/companies`, op.request.remoteQuery),
  rawSchema: BreezyCompany,
};
