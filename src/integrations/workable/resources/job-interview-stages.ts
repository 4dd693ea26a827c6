import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, get, notFound } from '../api.js';
import { SPI } from '../ids.js';
import { ACCOUNT_PIPELINE } from '../seed.js';
import { fields, stageToUnified, WorkableStage } from '../shapes/stages.js';

/**
 * `GET /spi/v3/jobs/{shortcode}/stages` for one job (`job_id`), else the account's `GET /spi/v3/stages`; both
 * `{ stages }`, unpaged. An unknown shortcode is Workable's 404.
 */
export const jobInterviewStages: ResourceEmulation<JobInterviewStage, Rendered<WorkableStage>> = {
  kind: 'stage',
  methods: ['list'],
  fields,
  filters: { supported: ['job_id'], required: { list: [], get: [] } },
  parentError: (reader, { job_id: id }) => (id !== undefined && !reader.get('job', id) ? notFound() : undefined),
  query: ({ filters }) => ({ keys: [filters.job_id !== undefined ? refKey('job', filters.job_id) : ACCOUNT_PIPELINE] }),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as WorkableStage, row })),
  toUnified: ({ raw, row }) => stageToUnified(raw, row.refs.job),
  rawSingle: (raw) => raw,
  rawPage: (raws) => ({ stages: raws }),
  notFound,
  call: (op) => {
    const id = op.kind === 'list' ? op.request.filters.job_id : undefined;
    return get(id !== undefined ? `${SPI}/jobs/${enc(id)}/stages` : `${SPI}/stages`, op.request.remoteQuery);
  },
  rawSchema: WorkableStage,
};
