import { Type, type Static } from '@sinclair/typebox';
import type { Activity } from '../../../model/activity.js';
import { iso } from '../../../seed/reference-time.js';
import type { World, WorldActivity } from '../../../seed/world.js';
import { more } from '../ids.js';
import { memberRef } from './members.js';
import type { WorkableStage } from './stages.js';
import { Closed, DateTimeMs, Id, remote, Str } from './common.js';

export const StageRef = Closed({ id: Type.Integer(), identifier: Type.String(), name: Type.String(), slug: Type.String() });

/**
 * One item of `GET /spi/v3/candidates/{id}/activities`' `activities` (dates with milliseconds): a comment, a
 * message, or a stage move, whose `action` is the target stage's slug (`stage_name` and `action_stage` the stage it
 * left) and which has no `visibility_roles`.
 */
export const WorkableActivity = Closed({
  id: Id,
  action: Type.String({ description: '`comment`, `message`, or the target stage slug of a move' }),
  stage_name: Str,
  action_stage: Type.Union([StageRef, Type.Null()]),
  target_stage: Type.Union([StageRef, Type.Null()]),
  created_at: DateTimeMs,
  updated_at: DateTimeMs,
  // Left out, not null, for what the candidate sent.
  member: Type.Optional(Closed({ id: Id, name: Type.String(), type: Type.Literal('Member') })),
  body: Str,
  visibility_roles: Type.Optional(Type.Array(Type.String())),
});
export type WorkableActivity = Static<typeof WorkableActivity>;

/** Who may read a comment or message: everyone, the hiring team, or admins. */
const ROLES: Record<WorldActivity['visibility'], string[]> = {
  public: ['simple', 'hiring_manager', 'admin', 'reviewer', 'recruiting_admin'],
  private: ['hiring_manager', 'admin', 'recruiting_admin'],
  admin_only: ['admin'],
};

/**
 * A world note is a comment, an email a message (its subject, if any, heads the body: Workable's message has no
 * subject of its own). It is filed at the stage the candidate is in now; the world keeps no stage history.
 */
export function toWorkableActivity(a: WorldActivity, world: World, stage: WorkableStage | undefined): WorkableActivity {
  const author = a.authorN === null ? undefined : world.users[a.authorN - 1];
  const at = iso(a.createdAt);
  return {
    id: more.activity(a.n),
    action: a.kind === 'note' ? 'comment' : 'message',
    stage_name: stage?.name ?? null,
    action_stage: stage ? { id: stage.id, identifier: stage.identifier, name: stage.name, slug: stage.slug } : null,
    target_stage: null,
    created_at: at,
    updated_at: at,
    ...(author ? { member: memberRef(author) } : {}),
    body: a.kind === 'email' ? messageHtml(a.subject, a.body) : a.body,
    visibility_roles: ROLES[a.visibility],
  };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A message's body is HTML: the subject in bold, then a paragraph per blank-line-separated block. */
function messageHtml(subject: string | null, text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`);
  return `${subject !== null ? `<p><strong>${escape(subject)}</strong></p>` : ''}${paragraphs.join('')}`;
}

const VISIBILITY = (roles: readonly string[]): Activity['visibility'] =>
  roles.includes('simple') ? 'public' : roles.length === 1 && roles[0] === 'admin' ? 'admin_only' : 'private';

/** The unified types of Workable's actions; a stage move is neither a note nor an email. */
const TYPES: Record<string, Activity['activity_type']> = { comment: 'note', message: 'email' };

/** The candidate is the one whose activities were read; a message without a member came from the candidate. */
export function activityToUnified(raw: WorkableActivity, candidateId: string): Activity {
  const type = TYPES[raw.action];
  return {
    id: raw.id,
    candidate: { id: candidateId },
    actor: raw.member ? { id: raw.member.id, type: 'user' } : { id: candidateId, type: 'candidate' },
    ...(type !== undefined ? { activity_type: type } : {}),
    ...(raw.body !== null ? { body: raw.body } : {}),
    ...(raw.visibility_roles !== undefined ? { visibility: VISIBILITY(raw.visibility_roles) } : {}),
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'candidate.id', 'actor.id', 'actor.type', 'activity_type', 'body', 'visibility', 'created_at', 'updated_at'] as const;
