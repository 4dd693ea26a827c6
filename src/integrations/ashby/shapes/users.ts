import type { User } from '../../../model/user.js';
import { AshbyUser } from '../raw.js';
import { remote } from './common.js';

export { AshbyUser };

/**
 * `user.list` items. Ashby has no creation date and one address per user; `globalRole` is its access role word
 * (`Organization Admin`, `Elevated Access`…), passed on as Truto passes integration words.
 */
export function userToUnified(raw: AshbyUser): User {
  return {
    id: raw.id,
    first_name: raw.firstName,
    last_name: raw.lastName,
    name: `${raw.firstName} ${raw.lastName}`,
    emails: [{ email: raw.email, is_primary: true }],
    disabled: !raw.isEnabled,
    access_role: raw.globalRole,
    updated_at: raw.updatedAt,
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'first_name', 'last_name', 'name', 'emails.email', 'emails.is_primary', 'disabled', 'access_role', 'updated_at'] as const;
