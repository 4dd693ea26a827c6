import { Type, type Static } from '@sinclair/typebox';
import type { Interview } from '../../../model/interview.js';
import { iso } from '../../../seed/reference-time.js';
import type { World, WorldCandidate, WorldInterview } from '../../../seed/world.js';
import { ids, stageOfStageInterview } from '../ids.js';
import {
  GreenhouseUserRef, HarvestDate, Id, Nullable, NullableString, applicationId, applicationOf, remote, userOf, userRef,
} from './common.js';

/** Timed events carry `date_time`; all-day ones `date` (`2017-08-22`). */
const When = Type.Union([
  Type.Object({ date_time: HarvestDate }, { additionalProperties: false }),
  Type.Object({ date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, { additionalProperties: false }),
]);

export const GreenhouseScheduledInterview = Type.Object(
  {
    id: Id,
    application_id: Id,
    external_event_id: NullableString,
    start: When,
    end: When,
    location: NullableString,
    video_conferencing_url: NullableString,
    status: Type.Union([Type.Literal('scheduled'), Type.Literal('awaiting_feedback'), Type.Literal('complete')]),
    created_at: HarvestDate,
    updated_at: HarvestDate,
    interview: Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false }),
    organizer: GreenhouseUserRef,
    interviewers: Type.Array(
      Type.Object(
        {
          id: Id,
          employee_id: NullableString,
          name: Type.String(),
          email: Type.String(),
          response_status: Type.Union(['needs_action', 'declined', 'tentative', 'accepted'].map((s) => Type.Literal(s))),
          scorecard_id: Nullable(Id),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type GreenhouseScheduledInterview = Static<typeof GreenhouseScheduledInterview>;

/** Calendar links for the video locations the world names; a room or an office has none. */
function videoUrl(interview: WorldInterview): string | null {
  const code = String(8_100_000_000 + interview.n * 37);
  if (interview.location === 'Zoom') return `https://zoom.us/j/${code}`;
  if (interview.location === 'Google Meet') {
    const letters = [...code].map((d) => String.fromCharCode(97 + Number(d))).join('');
    return `https://meet.google.com/${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7, 10)}`;
  }
  if (interview.location === 'Microsoft Teams') return `https://teams.microsoft.com/l/meetup-join/${code}`;
  return null;
}

/**
 * `GET /v1/scheduled_interviews` (also per application, and by id). A cancelled interview is not in Harvest:
 * cancelling deletes the calendar event and Greenhouse drops the scheduled interview with it, so it gives null.
 * Interviewers of a scheduled (future) interview have not answered the invitation yet.
 */
export function toHarvestScheduledInterview(
  interview: WorldInterview,
  candidate: WorldCandidate,
  world: World,
): GreenhouseScheduledInterview | null {
  if (interview.status === 'cancelled') return null;
  const application = applicationOf(candidate, interview.applicationN);
  const stage = world.stages.get(interview.stageN)?.stage;
  if (!stage) throw new Error(`the world has no stage ${interview.stageN}`);
  const scorecardOf = (userN: number) =>
    candidate.scorecards.find((s) => s.interviewN === interview.n && s.interviewerN === userN);
  return {
    id: Number(ids.scheduledInterview(interview.n)),
    application_id: Number(applicationId(application)),
    external_event_id: String(700_000_000 + interview.n),
    start: { date_time: iso(interview.startAt) },
    end: { date_time: iso(interview.endAt) },
    location: interview.location,
    video_conferencing_url: videoUrl(interview),
    status: interview.status === 'completed' ? 'complete' : interview.status,
    created_at: iso(interview.createdAt),
    updated_at: iso(interview.updatedAt),
    interview: { id: Number(ids.stageInterview(stage.n)), name: stage.interviewName ?? stage.name },
    organizer: userRef(world, interview.organizerN),
    interviewers: interview.interviewerNs.map((n) => {
      const u = userOf(world, n);
      const scorecard = scorecardOf(n);
      return {
        id: Number(ids.user(n)),
        employee_id: null,
        name: `${u.firstName} ${u.lastName}`,
        email: u.email,
        response_status: interview.status === 'scheduled' ? 'needs_action' : 'accepted',
        scorecard_id: scorecard ? Number(ids.scorecard(scorecard.n)) : null,
      };
    }),
  };
}

const STATUS = { scheduled: 'scheduled', awaiting_feedback: 'awaiting_feedback', complete: 'completed' } as const;

const instant = (when: GreenhouseScheduledInterview['start']) => ('date_time' in when ? when.date_time : `${when.date}T00:00:00.000Z`);

/**
 * `job_interview_stage`: Harvest names the stage's interview (`interview.id`), not the stage; the stage record
 * lists its interviews, so the stage is found from Harvest's own data (here, by inverting the id ranges). No
 * `candidate`: a scheduled interview names only its application.
 */
export function interviewToUnified(raw: GreenhouseScheduledInterview): Interview {
  return {
    id: String(raw.id),
    application: { id: String(raw.application_id) },
    job_interview_stage: { id: stageOfStageInterview(String(raw.interview.id)) },
    organizer: { id: String(raw.organizer.id) },
    interviewers: raw.interviewers.map((i) => ({ id: String(i.id) })),
    ...(raw.location !== null ? { location: raw.location } : {}),
    start_at: instant(raw.start),
    end_at: instant(raw.end),
    status: STATUS[raw.status],
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'application.id', 'job_interview_stage.id', 'organizer.id', 'interviewers.id', 'location', 'start_at', 'end_at', 'status',
  'created_at', 'updated_at',
] as const;
