import { remoteErrorFor } from '../remote-errors.js';
import type { Integration } from '../types.js';
import { notFound } from './api.js';
import { activities } from './resources/activities.js';
import { attachments } from './resources/attachments.js';
import { candidates } from './resources/candidates.js';
import { interviews } from './resources/interviews.js';
import { jobInterviewStages } from './resources/job-interview-stages.js';
import { jobs } from './resources/jobs.js';
import { users } from './resources/users.js';
import { fountainSeed } from './seed.js';

/** Fountain Hire API v2: the resources Truto's Fountain page lists. */
export const fountain: Integration = {
  name: 'fountain',
  // Not in Fountain's reference; the one published figure (a secondary source) is 20 by default, at most 100.
  pageSize: { default: 20, max: 100 },
  seed: fountainSeed,
  // Injected faults in Fountain's envelope: `{ message }`.
  errorBody: (status) => (status === 404 ? notFound() : remoteErrorFor(status, { 401: 'Unauthorized', 429: 'Rate limit exceeded' }, (message) => ({ message }))),
  resources: {
    activities,
    attachments,
    candidates,
    interviews,
    job_interview_stages: jobInterviewStages,
    jobs,
    users,
  },
};
