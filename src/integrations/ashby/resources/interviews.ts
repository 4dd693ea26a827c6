import type { Interview } from '../../../model/interview.js';
import { refKey } from '../../../store/records.js';
import { honouredRecordDates, type RecordDateFilter } from '../../remote-query.js';
import { ashbyResource } from '../api.js';
import { AshbyInterviewSchedule, fields, scheduleToUnified } from '../shapes/interviews.js';

/**
 * `interviewSchedule.list` (`applicationId`, `createdAfter` in epoch ms, cursor, syncToken); Truto lists only.
 * Truto has Ashby support `start_at` and `end_at`, which the RPC does not take: they are applied to the schedule's
 * first event, the one the unified interview's times come from, and the body shows neither.
 */
const EVENT_DATES: readonly RecordDateFilter[] = [
  { filter: 'start_at', paths: ['$.interviewEvents[0].startTime'] },
  { filter: 'end_at', paths: ['$.interviewEvents[0].endTime'] },
];

export const interviews = ashbyResource<Interview, AshbyInterviewSchedule>({
  kind: 'interview_schedule',
  methods: ['list'],
  fields,
  list: 'interviewSchedule.list',
  supported: ['application_id', 'created_at', 'start_at', 'end_at'],
  query: ({ filters }) => ({
    ...(filters.application_id !== undefined ? { keys: [refKey('application', filters.application_id)] } : {}),
    ...honouredRecordDates(EVENT_DATES, filters),
  }),
  body: ({ filters }) => {
    const since = filters.created_at?.gt ?? filters.created_at?.gte;
    return { applicationId: filters.application_id, createdAfter: since !== undefined ? Date.parse(since) : undefined };
  },
  rawSchema: AshbyInterviewSchedule,
  toUnified: ({ raw }) => scheduleToUnified(raw),
});
