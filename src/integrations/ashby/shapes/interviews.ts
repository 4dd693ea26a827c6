import { Type, type Static } from '@sinclair/typebox';
import type { Interview } from '../../../model/interview.js';
import { AshbyDate, Closed, Literals, Nullable, remote, Uuid } from './common.js';

/** `interviewSchedule.list` items: a schedule of an application's stage, its events (one per interview held). */
export const AshbyInterviewSchedule = Type.Object(
  {
    id: Uuid,
    status: Literals([
      'NeedsScheduling', 'WaitingOnCandidateBooking', 'WaitingOnCandidateAvailability', 'CandidateAvailabilitySubmitted', 'Scheduled',
      'WaitingOnFeedback', 'Complete', 'Cancelled',
    ]),
    applicationId: Uuid,
    interviewStageId: Uuid,
    interviewEvents: Type.Array(
      Type.Object(
        {
          id: Uuid,
          interviewId: Uuid,
          interviewScheduleId: Uuid,
          interviewerUserIds: Type.Array(Uuid),
          createdAt: AshbyDate,
          startTime: AshbyDate,
          endTime: AshbyDate,
          feedbackLink: Type.String(),
          location: Type.Optional(Type.String()),
          hasSubmittedFeedback: Type.Boolean(),
          interview: Type.Object(
            {
              id: Uuid,
              title: Type.String(),
              isArchived: Type.Boolean(),
              isDebrief: Type.Boolean(),
              instructionsHtml: Nullable(Type.String()),
              instructionsPlain: Nullable(Type.String()),
              jobId: Nullable(Uuid),
              feedbackFormDefinitionId: Uuid,
            },
            Closed,
          ),
        },
        Closed,
      ),
    ),
  },
  Closed,
);
export type AshbyInterviewSchedule = Static<typeof AshbyInterviewSchedule>;

export const SCHEDULE_STATUS = { scheduled: 'Scheduled', completed: 'Complete', cancelled: 'Cancelled', awaiting_feedback: 'WaitingOnFeedback' } as const;
const UNIFIED: Record<string, Interview['status']> = {
  Scheduled: 'scheduled',
  Complete: 'completed',
  Cancelled: 'cancelled',
  WaitingOnFeedback: 'awaiting_feedback',
  NeedsScheduling: 'draft',
};

/**
 * A schedule is the unified interview: its first event gives the times, place and interviewers. Ashby names no
 * organizer and no candidate on a schedule (the application does), so neither is filled; a schedule has no update date.
 */
export function scheduleToUnified(raw: AshbyInterviewSchedule): Interview {
  const event = raw.interviewEvents[0];
  const status = UNIFIED[raw.status];
  return {
    id: raw.id,
    application: { id: raw.applicationId },
    job_interview_stage: { id: raw.interviewStageId },
    ...(event
      ? {
          interviewers: event.interviewerUserIds.map((id) => ({ id })),
          ...(event.location !== undefined ? { location: event.location } : {}),
          start_at: event.startTime,
          end_at: event.endTime,
          created_at: event.createdAt,
        }
      : {}),
    ...(status !== undefined ? { status } : {}),
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'application.id', 'job_interview_stage.id', 'interviewers.id', 'location', 'start_at', 'end_at', 'status', 'created_at',
] as const;
