import type { JobFormField } from '../../../model/job-form-field.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, listCall, notFound } from '../api.js';
import { fields, GreenhouseJobPostQuestion, questionToUnified } from '../shapes/job-form-fields.js';

/** A question as stored: with the post it belongs to and its place in the post's form. */
export interface StoredQuestion {
  post_id: number;
  job_id: number;
  index: number;
  question: GreenhouseJobPostQuestion;
}

interface QuestionItem extends Rendered<GreenhouseJobPostQuestion> {
  stored: StoredQuestion;
}

/**
 * The questions of job posts, one unified field each: `GET /v1/jobs/{id}/job_post` for one job, else
 * `GET /v1/job_posts`. Stored a question a row, so a page holds `limit` fields whatever the posts' sizes.
 */
export const jobFormFields: ResourceEmulation<JobFormField, QuestionItem> = {
  kind: 'job_form_field',
  methods: ['list'],
  fields,
  filters: { supported: ['job_id'], required: { list: [], get: [] } },
  parentError: (reader, { job_id: id }) => (id !== undefined && !reader.get('job', id) ? notFound() : undefined),
  query: ({ filters }) => (filters.job_id !== undefined ? { jobId: filters.job_id } : {}),
  render: (rows) =>
    rows.map((row) => {
      const stored = JSON.parse(row.raw) as StoredQuestion;
      return { raw: stored.question, row, stored };
    }),
  toUnified: ({ stored }) => questionToUnified(stored.question, stored.index, { id: stored.post_id, job_id: stored.job_id }),
  rawSingle: (raw) => raw,
  notFound,
  call: (op) =>
    op.kind === 'list' && op.request.filters.job_id !== undefined
      ? getCall(`/jobs/${enc(op.request.filters.job_id)}/job_post`, op.request.remoteQuery)
      : op.kind === 'list'
        ? listCall('/job_posts', op.request, op.hasMore)
        : getCall(`/job_posts/${enc(op.request.id)}`, op.request.remoteQuery),
  rawSchema: GreenhouseJobPostQuestion,
};
