import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { ashbyResource, notFoundOf } from '../api.js';
import { interviewPlanId } from '../ids.js';
import { AshbyInterviewStage, fields, stageToUnified } from '../shapes/job-stages.js';

const jobNotFound = notFoundOf('job');

/**
 * `interviewStage.list {interviewPlanId}`: stages belong to a job's interview plan, so Truto needs `job_id` (it
 * reads the job's `defaultInterviewPlanId`); an unknown job fails as `job.info` does.
 */
export const jobInterviewStages = {
  ...ashbyResource<JobInterviewStage, AshbyInterviewStage>({
    kind: 'interview_stage',
    methods: ['list'],
    fields,
    list: 'interviewStage.list',
    supported: ['job_id'],
    required: ['job_id'],
    query: ({ filters }) => (filters.job_id !== undefined ? { keys: [refKey('job', filters.job_id)] } : {}),
    body: ({ filters }) => ({ interviewPlanId: filters.job_id !== undefined ? interviewPlanId(filters.job_id) : undefined }),
    sync: false,
    rawSchema: AshbyInterviewStage,
    toUnified: ({ raw, row }) => stageToUnified(raw, row.refs.job!),
  }),
  parentError: (reader, { job_id: id }) => (id !== undefined && !reader.get('job', id) ? jobNotFound(id) : undefined),
} satisfies ResourceEmulation<JobInterviewStage, Rendered<AshbyInterviewStage>>;
