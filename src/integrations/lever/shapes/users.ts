import type { User } from '../../../model/user.js';
import { iso } from '../../../seed/reference-time.js';
import type { WorldUser } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { splitName } from '../mapping.js';
import { LeverUser } from '../raw.js';

export { LeverUser };

/** Lever's five access roles; the world's hiring roles all work as team members, its interviewers as interviewers. */
const ACCESS: Record<WorldUser['role'], LeverUser['accessRole']> = {
  admin: 'super admin',
  recruiter: 'team member',
  coordinator: 'team member',
  hiring_manager: 'team member',
  interviewer: 'interviewer',
};

/** `GET /v1/users/{id}`: a deactivated user keeps its record, with the time it was deactivated. */
export function toLeverUser(u: WorldUser): LeverUser {
  return {
    id: ids.user(u.n),
    name: `${u.firstName} ${u.lastName}`,
    username: u.email.split('@')[0]!,
    email: u.email,
    accessRole: ACCESS[u.role],
    photo: null,
    createdAt: u.createdAt,
    deactivatedAt: u.disabled ? u.updatedAt : null,
    externalDirectoryId: null,
    linkedContactIds: null,
    jobTitle: null,
    managerId: null,
  };
}

/**
 * Lever's one `name` split as its candidates' are; one address, so it is the primary one. Lever keeps no update
 * time for a user.
 */
export function userToUnified(raw: LeverUser): User {
  return {
    id: raw.id,
    ...splitName(raw.name),
    name: raw.name,
    emails: [{ email: raw.email, is_primary: true }],
    disabled: raw.deactivatedAt !== null,
    access_role: raw.accessRole,
    created_at: iso(raw.createdAt),
    remote_data: raw as unknown as Record<string, unknown>,
  };
}

export const fields = ['id', 'first_name', 'last_name', 'name', 'emails.email', 'emails.is_primary', 'disabled', 'access_role', 'created_at'] as const;
