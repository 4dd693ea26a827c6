import { Type, type Static } from '@sinclair/typebox';
import type { Activity } from '../../../model/activity.js';
import { iso } from '../../../seed/reference-time.js';
import type { World, WorldActivity, WorldCandidate } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { GreenhouseUserRef, HarvestDate, Id, Nullable, NullableString, remote, userOf, userRef } from './common.js';

const Visibility = Type.Union([Type.Literal('admin_only'), Type.Literal('public'), Type.Literal('private')]);

/** A note: `visiblity` is Harvest's legacy misspelling, still sent beside `visibility`. */
export const GreenhouseNote = Type.Object(
  {
    id: Id,
    created_at: HarvestDate,
    body: Type.String(),
    user: Nullable(GreenhouseUserRef),
    private: Type.Boolean(),
    visiblity: Visibility,
    visibility: Visibility,
  },
  { additionalProperties: false },
);
export type GreenhouseNote = Static<typeof GreenhouseNote>;

/** An email sent through Greenhouse: addresses are one string each (comma-separated), `cc` null when none. */
export const GreenhouseEmail = Type.Object(
  {
    id: Id,
    created_at: HarvestDate,
    subject: NullableString,
    body: Type.String(),
    to: Type.String(),
    from: Type.String(),
    cc: NullableString,
    user: Nullable(GreenhouseUserRef),
  },
  { additionalProperties: false },
);
export type GreenhouseEmail = Static<typeof GreenhouseEmail>;

/** A system entry (`"… added … through Greenhouse."`): no subject, no user. */
export const GreenhouseFeedActivity = Type.Object(
  { id: Id, created_at: HarvestDate, subject: NullableString, body: Type.String(), user: Nullable(GreenhouseUserRef) },
  { additionalProperties: false },
);

/** `GET /v1/candidates/{id}/activity_feed`: one object per candidate, not paginated. */
export const GreenhouseActivityFeed = Type.Object(
  {
    notes: Type.Array(GreenhouseNote),
    emails: Type.Array(GreenhouseEmail),
    activities: Type.Array(GreenhouseFeedActivity),
    linkedin_notes: Type.Array(Type.Unknown()),
    linkedin_inmails: Type.Array(Type.Unknown()),
  },
  { additionalProperties: false },
);
export type GreenhouseActivityFeed = Static<typeof GreenhouseActivityFeed>;

export function toHarvestNote(activity: WorldActivity, world: World): GreenhouseNote {
  return {
    id: Number(ids.note(activity.n)),
    created_at: iso(activity.createdAt),
    body: activity.body,
    user: activity.authorN === null ? null : userRef(world, activity.authorN),
    private: activity.visibility === 'private',
    visiblity: activity.visibility,
    visibility: activity.visibility,
  };
}

/** An email a user sent comes from their address unless the world says otherwise. */
export function toHarvestEmail(activity: WorldActivity, world: World): GreenhouseEmail {
  const from = activity.from ?? (activity.authorN === null ? '' : userOf(world, activity.authorN).email);
  return {
    id: Number(ids.email(activity.n)),
    created_at: iso(activity.createdAt),
    subject: activity.subject,
    body: activity.body,
    to: activity.to.join(', '),
    from,
    cc: activity.cc.length === 0 ? null : activity.cc.join(', '),
    user: activity.authorN === null ? null : userRef(world, activity.authorN),
  };
}

/** The feed: the world's notes and emails, and one system entry for the candidate's arrival. */
export function toHarvestActivityFeed(candidate: WorldCandidate, world: World): GreenhouseActivityFeed {
  const name = `${candidate.firstName} ${candidate.lastName}`;
  const recruiter = candidate.recruiterN === null ? null : userOf(world, candidate.recruiterN);
  return {
    notes: candidate.activities.filter((a) => a.kind === 'note').map((a) => toHarvestNote(a, world)),
    emails: candidate.activities.filter((a) => a.kind === 'email').map((a) => toHarvestEmail(a, world)),
    activities: [
      {
        id: Number(ids.feedActivity(candidate.n)),
        created_at: iso(candidate.createdAt),
        subject: null,
        body: recruiter ? `${recruiter.firstName} ${recruiter.lastName} added ${name} through Greenhouse.` : `${name} applied through the job board.`,
        user: null,
      },
    ],
    linkedin_notes: [],
    linkedin_inmails: [],
  };
}

/** What Truto knows from the call: the feed is read per candidate. */
export interface ActivityContext {
  candidateId: string;
}

export function noteToUnified(raw: GreenhouseNote, context: ActivityContext): Activity {
  return {
    id: String(raw.id),
    candidate: { id: context.candidateId },
    ...(raw.user ? { actor: { id: String(raw.user.id), type: 'user' as const } } : {}),
    activity_type: 'note',
    body: raw.body,
    visibility: raw.visibility,
    created_at: raw.created_at,
    remote_data: remote(raw),
  };
}

const addresses = (list: string | null) =>
  list === null ? [] : list.split(',').map((s) => s.trim()).filter(Boolean).map((email) => ({ email }));

/** An email with no Greenhouse user came from the candidate, so the candidate is its actor. No visibility in Harvest. */
export function emailToUnified(raw: GreenhouseEmail, context: ActivityContext): Activity {
  const cc = addresses(raw.cc);
  return {
    id: String(raw.id),
    candidate: { id: context.candidateId },
    actor: raw.user ? { id: String(raw.user.id), type: 'user' } : { id: context.candidateId, type: 'candidate' },
    activity_type: 'email',
    from: addresses(raw.from),
    to: addresses(raw.to),
    ...(cc.length > 0 ? { cc } : {}),
    ...(raw.subject !== null ? { subject: raw.subject } : {}),
    body: raw.body,
    created_at: raw.created_at,
    remote_data: remote(raw),
  };
}

/**
 * Truto's activities are the feed's notes and emails (unified `activity_type` has only those two); the system
 * `activities` and LinkedIn entries are left out. Ordered by creation, notes before emails on a tie.
 */
export function activityFeedToUnified(feed: GreenhouseActivityFeed, context: ActivityContext): Activity[] {
  const all = [...feed.notes.map((n) => noteToUnified(n, context)), ...feed.emails.map((e) => emailToUnified(e, context))];
  return all.sort((a, b) => (a.created_at! < b.created_at! ? -1 : a.created_at! > b.created_at! ? 1 : 0));
}

export const fields = [
  'id', 'candidate.id', 'actor.id', 'actor.type', 'activity_type', 'from.email', 'to.email', 'cc.email', 'subject', 'body',
  'visibility', 'created_at',
] as const;
