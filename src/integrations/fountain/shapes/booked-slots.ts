import { Type, type Static } from '@sinclair/typebox';
import type { Interview } from '../../../model/interview.js';
import type { WorldInterview, WorldUser } from '../../../seed/world.js';
import { pacific, utc } from '../time.js';
import { remote, Str, Time, Uuid } from './common.js';

/**
 * An interview session an applicant booked: `GET /v2/applicants/{id}/booked_slots` → `{ "booked_slots": [...] }`
 * (the gem's stub and Fountain's "Get Interview Sessions"). The stub writes human times (`Wed, Jun 03 @11:27am
 * PDT`); the bulk endpoint and sessions use ISO with offset, which the mock uses. `recruiter` is a name, not a
 * user id; `showed_up` is unknown (null) until the session happens.
 */
export const FountainBookedSlot = Type.Object(
  {
    id: Uuid,
    start_time: Time,
    end_time: Time,
    location: Str,
    recruiter: Str,
    instructions: Str,
    showed_up: Type.Union([Type.Boolean(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type FountainBookedSlot = Static<typeof FountainBookedSlot>;

export const FountainBookedSlotList = Type.Object({ booked_slots: Type.Array(FountainBookedSlot) }, { additionalProperties: false });

export function toFountainBookedSlot(i: WorldInterview, id: string, organizer: WorldUser): FountainBookedSlot {
  return {
    id,
    start_time: pacific(i.startAt),
    end_time: pacific(i.endAt),
    location: i.location,
    recruiter: `${organizer.firstName} ${organizer.lastName}`,
    instructions: i.location === 'Phone call' ? 'We will call you at the number you gave us.' : 'Please arrive five minutes early.',
    // A cancelled session was missed; one still ahead has no answer yet.
    showed_up: i.status === 'scheduled' ? null : i.status !== 'cancelled',
  };
}

export const fields = ['id', 'candidate.id', 'application.id', 'location', 'start_at', 'end_at', 'status'] as const;

/**
 * The applicant is both the candidate and its one application (as in the candidate mapping); Truto knows it from
 * the call. A session the applicant attended is `completed`, a missed one `cancelled`, one ahead `scheduled`.
 */
export function bookedSlotToUnified(raw: FountainBookedSlot, applicantId: string): Interview {
  return {
    id: raw.id,
    candidate: { id: applicantId },
    application: { id: applicantId },
    ...(raw.location !== null ? { location: raw.location } : {}),
    start_at: utc(raw.start_time),
    end_at: utc(raw.end_time),
    status: raw.showed_up === null ? 'scheduled' : raw.showed_up ? 'completed' : 'cancelled',
    remote_data: remote(raw),
  };
}
