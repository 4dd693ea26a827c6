import type { Integration } from '../types.js';
import { reasonWord, remoteErrorFor } from '../remote-errors.js';
import { notFoundOf } from './api.js';
import { applications } from './resources/applications.js';
import { attachments } from './resources/attachments.js';
import { candidates } from './resources/candidates.js';
import { departments } from './resources/departments.js';
import { jobInterviewStages } from './resources/job-interview-stages.js';
import { jobs } from './resources/jobs.js';
import { offices } from './resources/offices.js';
import { rejectReasons } from './resources/reject-reasons.js';
import { tags } from './resources/tags.js';
import { users } from './resources/users.js';
import { ashbySeed } from './seed.js';

const notFound = notFoundOf('candidate');

/** Ashby's RPC API (`POST https://api.ashbyhq.com/<object>.<verb>`): the resources Truto serves for it. */
export const ashby: Integration = {
  name: 'ashby',
  // candidate.list: "The maximum and default value is 100".
  pageSize: { default: 100, max: 100 },
  seed: ashbySeed,
  // Injected faults in Ashby's envelope: `success: false` with `errors` and `errorInfo`.
  errorBody: (status) =>
    status === 404
      ? notFound('')
      : remoteErrorFor(status, { 401: 'Invalid API key', 429: 'Rate limit exceeded' }, (message, s) => {
          const code = reasonWord(s).replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
          return { success: false, errors: [code], errorInfo: { code, message } };
        }),
  resources: {
    applications,
    attachments,
    candidates,
    departments,
    job_interview_stages: jobInterviewStages,
    jobs,
    offices,
    reject_reasons: rejectReasons,
    tags,
    users,
  },
};
