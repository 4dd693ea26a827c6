import type { Job } from '../../../model/job.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, notFound, pagedCall } from '../api.js';
import { FUNNELS_KEY } from '../seed.js';
import { fields, FountainFunnel, funnelToUnified } from '../shapes/funnels.js';

/**
 * `GET /v2/funnels?page=N` → `{ funnels, pagination: { first, previous, current, next, last } }` and
 * `GET /v2/funnels/{id}` → the bare funnel. Fountain's list takes no filter Truto maps.
 */
export const jobs: ResourceEmulation<Job, Rendered<FountainFunnel>> = {
  kind: 'funnel',
  methods: ['list', 'get'],
  fields,
  filters: { supported: [], required: { list: [], get: [] } },
  query: () => ({}),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as FountainFunnel, row })),
  toUnified: ({ raw }) => funnelToUnified(raw),
  rawSingle: (raw) => raw,
  // `pagination.last` is counted (every funnel read) only when a page's wrapper is shown: `debug`.
  rawPage: (raws, next, request, page) => {
    const current = request?.page ?? 1;
    const total = page ? page.reader.byKeys('funnel', [FUNNELS_KEY]).length : 0;
    const last = Math.max(1, Math.ceil(total / (request?.limit ?? Math.max(1, raws.length))));
    return {
      funnels: raws,
      pagination: { first: 1, previous: current > 1 ? current - 1 : '', current, next: next.hasMore ? current + 1 : '', last },
    };
  },
  notFound,
  call: (op) => (op.kind === 'get' ? getCall(`/funnels/${enc(op.request.id)}`, op.request.remoteQuery) : pagedCall('/funnels', op.request)),
  rawSchema: FountainFunnel,
};
