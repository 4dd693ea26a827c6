import type { Interview } from '../../../model/interview.js';
import { refKey } from '../../../store/records.js';
import { ashbyResource } from '../api.js';
import { AshbyInterviewSchedule, fields, scheduleToUnified } from '../shapes/interviews.js';

/** `interviewSchedule.list` (`applicationId`, `createdAfter` in epoch ms, cursor, syncToken); Truto lists only. */
export const interviews = ashbyResource<Interview, AshbyInterviewSchedule>({
  kind: 'interview_schedule',
  methods: ['list'],
  fields,
  list: 'interviewSchedule.list',
  supported: ['application_id', 'created_at'],
  query: ({ filters }) => (filters.application_id !== undefined ? { keys: [refKey('application', filters.application_id)] } : {}),
  body: ({ filters }) => {
    const since = filters.created_at?.gt ?? filters.created_at?.gte;
    return { applicationId: filters.application_id, createdAfter: since !== undefined ? Date.parse(since) : undefined };
  },
  rawSchema: AshbyInterviewSchedule,
  toUnified: ({ raw }) => scheduleToUnified(raw),
});
