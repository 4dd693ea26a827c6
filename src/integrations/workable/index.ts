import type { Integration } from '../types.js';
import { remoteErrorFor } from '../remote-errors.js';
import { notFound } from './api.js';
import { moveStage } from './commands/move-stage.js';
import { activities } from './resources/activities.js';
import { applications } from './resources/applications.js';
import { attachments } from './resources/attachments.js';
import { candidates } from './resources/candidates.js';
import { departments } from './resources/departments.js';
import { jobInterviewStages } from './resources/job-interview-stages.js';
import { jobs } from './resources/jobs.js';
import { users } from './resources/users.js';
import { workableSeed } from './seed.js';

/** Workable SPI v3: the resources Truto serves for it (attachments by download only). */
export const workable: Integration = {
  name: 'workable',
  // SPI v3 `limit`: 50 unless asked, at most 100.
  pageSize: { default: 50, max: 100 },
  seed: workableSeed,
  // Injected faults in Workable's envelope: `{ error }`.
  errorBody: (status) => (status === 404 ? notFound() : remoteErrorFor(status, { 401: 'Not authorized', 429: 'Too many requests' }, (error) => ({ error }))),
  resources: {
    activities,
    applications: { ...applications, commands: { 'move-stage': moveStage } },
    attachments,
    candidates,
    departments,
    job_interview_stages: jobInterviewStages,
    jobs,
    users,
  },
};
