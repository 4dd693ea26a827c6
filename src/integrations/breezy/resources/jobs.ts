import type { Job } from '../../../model/job.js';
import type { AccountReader, Rendered, ResourceEmulation } from '../../types.js';
import type { RecordRow } from '../../../store/records.js';
import { call, enc, listUrl, notFound } from '../api.js';
import { BREEZY, companyOf, OWN_COMPANY } from '../ids.js';
import type { BreezyCompany } from '../shapes/companies.js';
import { BreezyPosition, fields, positionToUnified } from '../shapes/positions.js';

/** A position, with its company's `friendly_id` (the subdomain of its public page), which the record leaves out. */
type Item = Rendered<BreezyPosition> & { companySlug: string };

function render(rows: readonly RecordRow[], reader: AccountReader): Item[] {
  return rows.map((row) => {
    const raw = JSON.parse(row.raw) as BreezyPosition;
    const company = reader.get('company', companyOf(raw._id));
    const companySlug = company ? (JSON.parse(company.raw) as BreezyCompany).friendly_id : '';
    return { raw, row, companySlug };
  });
}

/**
 * `GET /v3/company/:company/positions` and `…/position/:id`. A position id names its company (ids.ts), so a get
 * needs no `organization_id`; the list's company is the account's own (Truto holds it in the account's context).
 * Breezy answers only published positions when `state` is left out; Truto's jobs are every position, so without
 * `remote_query[state]` the mock lists them all.
 */
export const jobs: ResourceEmulation<Job, Item> = {
  kind: 'position',
  methods: ['list', 'get'],
  fields,
  // The positions list filters by `state` only (`remote_query[state]`); Truto's date filters are ignored.
  filters: { supported: [], required: { list: [], get: [] } },
  query: ({ remoteQuery }) => (remoteQuery.state !== undefined ? { keys: [`state:${String(remoteQuery.state)}`] } : {}),
  render: (rows, reader) => render(rows, reader),
  toUnified: ({ raw, companySlug }) => positionToUnified(raw, companySlug),
  rawSingle: (raw) => raw,
  notFound: notFound('position'),
  call: (op, reader) =>
    op.kind === 'get'
      ? call(`${BREEZY}/company/${enc(companyOf(op.request.id))}/position/${enc(op.request.id)}`, op.request.remoteQuery)
      : call(listUrl(`/company/${enc(reader.byKeys('company', [OWN_COMPANY])[0]?.id ?? '')}/positions`, op.request)),
  rawSchema: BreezyPosition,
};
