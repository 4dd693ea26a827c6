import type { User } from '../../../model/user.js';
import { ashbyResource } from '../api.js';
import { AshbyUser, fields, userToUnified } from '../shapes/users.js';

/** `user.list` (cursor, syncToken, `includeDeactivated`); Truto lists users only. */
export const users = ashbyResource<User, AshbyUser>({
  kind: 'user',
  methods: ['list'],
  fields,
  list: 'user.list',
  // Deactivated users too: hiring teams, notes and feedback still name them.
  body: () => ({ includeDeactivated: true }),
  rawSchema: AshbyUser,
  toUnified: ({ raw }) => userToUnified(raw),
});
