import type { User } from '../../../model/user.js';
import { leverResource, token } from '../api.js';
import { fields, LeverUser, userToUnified } from '../shapes/users.js';

/**
 * `GET /v1/users` and `/v1/users/{id}`. Lever filters users by `email`, `access_role` and `includeDeactivated`
 * (remote_query), none a unified filter; without `includeDeactivated` Lever leaves deactivated users out, but Truto
 * lists every user records point at, so the mock lists them all.
 */
export const users = leverResource<User, LeverUser>({
  kind: 'user',
  methods: ['list', 'get'],
  fields,
  path: '/users',
  what: 'user',
  rawSchema: LeverUser,
  toUnified: ({ raw }) => userToUnified(raw),
  pageToken: (last) => token(last.createdAt, last.id),
});
