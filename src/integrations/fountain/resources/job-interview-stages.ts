import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { refKey, type RecordRow } from '../../../store/records.js';
import type { AccountReader, Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, notFound } from '../api.js';
import type { FountainFunnel } from '../shapes/funnels.js';
import { fields, FountainStage, stageToUnified } from '../shapes/stages.js';

/** A listed stage knows its opening and its place in the workflow (from the call); a fetched one does not. */
export interface StageItem extends Rendered<FountainStage> {
  listed?: { funnelId: string; position: number };
}

/** The stages of one opening, in its workflow's order (the funnel's own `stages`). */
function renderListed(rows: readonly RecordRow[], reader: AccountReader): StageItem[] {
  const order = new Map<string, string[]>();
  return rows.map((row) => {
    const funnelId = row.refs.job!;
    let ids = order.get(funnelId);
    if (!ids) {
      const funnel = reader.get('funnel', funnelId);
      ids = funnel ? (JSON.parse(funnel.raw) as FountainFunnel).stages.map((s) => s.id) : [];
      order.set(funnelId, ids);
    }
    return { raw: JSON.parse(row.raw) as FountainStage, row, listed: { funnelId, position: ids.indexOf(row.id) } };
  });
}

/**
 * `GET /v2/funnels/{id}/stages` → `{ "stages": [...] }` (not paginated: the mock pages what it returns), and
 * `GET /v2/stages/{id}` → the bare stage. Fountain lists stages only per opening, so `job_id` is required.
 */
export const jobInterviewStages: ResourceEmulation<JobInterviewStage, StageItem> = {
  kind: 'stage',
  methods: ['list', 'get'],
  fields,
  filters: { supported: ['job_id'], required: { list: ['job_id'], get: [] } },
  parentError: (reader, { job_id: id }) => (id !== undefined && !reader.get('funnel', id) ? notFound() : undefined),
  query: ({ filters }) => (filters.job_id !== undefined ? { keys: [refKey('job', filters.job_id)] } : {}),
  render: renderListed,
  renderOne: (row) => ({ raw: JSON.parse(row.raw) as FountainStage, row }),
  toUnified: ({ raw, listed }) => stageToUnified(raw, listed),
  rawSingle: (raw) => raw,
  rawPage: (raws) => ({ stages: raws }),
  notFound,
  call: (op) =>
    op.kind === 'get'
      ? getCall(`/stages/${enc(op.request.id)}`, op.request.remoteQuery)
      : getCall(`/funnels/${enc(op.request.filters.job_id ?? '')}/stages`, op.request.remoteQuery),
  rawSchema: FountainStage,
};
