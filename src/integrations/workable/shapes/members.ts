import { Type, type Static } from '@sinclair/typebox';
import type { User } from '../../../model/user.js';
import type { WorldUser } from '../../../seed/world.js';
import { more } from '../ids.js';
import { Closed, Id, remote, Str } from './common.js';

const Role = Type.Union([Type.Literal('admin'), Type.Literal('simple'), Type.Literal('reviewer'), Type.Literal('no_access')]);

/** One item of `GET /spi/v3/members`' `members`, keys in the order the live API sends them. */
export const WorkableMember = Closed({
  id: Id,
  name: Type.String(),
  headline: Str,
  email: Type.String(),
  role: Role,
  type: Type.Literal('Member'),
  hris_role: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  collaboration_rules: Type.Array(Type.Unknown()),
  hris_member_scope: Str,
});
export type WorkableMember = Static<typeof WorkableMember>;

/** Workable's account roles for the world's hiring roles: interviewers only review, recruiters and managers are "simple". */
const ROLE: Record<WorldUser['role'], WorkableMember['role']> = {
  admin: 'admin',
  recruiter: 'simple',
  coordinator: 'simple',
  hiring_manager: 'simple',
  interviewer: 'reviewer',
};

export function toWorkableMember(u: WorldUser): WorkableMember {
  const role = ROLE[u.role];
  const hris = role === 'admin' ? 'admin' : 'employee';
  return {
    id: more.member(u.n),
    name: `${u.firstName} ${u.lastName}`,
    headline: null,
    email: u.email,
    role,
    type: 'Member',
    hris_role: `hris_${hris}`,
    roles: [`ats.${role}`, `hris.${hris}`],
    active: !u.disabled,
    collaboration_rules: [],
    hris_member_scope: null,
  };
}

/** How Workable embeds a member in an activity. */
export const memberRef = (u: WorldUser) => ({ id: more.member(u.n), name: `${u.firstName} ${u.lastName}`, type: 'Member' as const });

/** A member has one `name` (no first/last), no dates; `active: false` is a deactivated user. */
export const memberToUnified = (raw: WorkableMember): User => ({
  id: raw.id,
  name: raw.name,
  emails: [{ email: raw.email }],
  disabled: !raw.active,
  access_role: raw.role,
  remote_data: remote(raw),
});

export const fields = ['id', 'name', 'emails.email', 'disabled', 'access_role'] as const;
