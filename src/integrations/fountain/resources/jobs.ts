import type { Job } from '../../../model/job.js';
import type { AccountReader, Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, notFound, pagedCall } from '../api.js';
import { FUNNELS_KEY } from '../seed.js';
import { fields, FountainFunnel, funnelToUnified } from '../shapes/funnels.js';

/** The reader a page was rendered with, by its first record: `pagination.last` is counted only when shown. */
const readers = new WeakMap<object, AccountReader>();

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
  render: (rows, reader) => {
    const items = rows.map((row) => ({ raw: JSON.parse(row.raw) as FountainFunnel, row }));
    if (items[0]) readers.set(items[0].raw, reader);
    return items;
  },
  toUnified: ({ raw }) => funnelToUnified(raw),
  rawSingle: (raw) => raw,
  rawPage: (raws, next, request) => {
    const current = request?.page ?? 1;
    const seen = raws[0] !== undefined ? readers.get(raws[0]) : undefined;
    const total = seen ? seen.byKeys('funnel', [FUNNELS_KEY]).length : 0;
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
