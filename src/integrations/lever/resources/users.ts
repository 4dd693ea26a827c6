import type { User } from '../../../model/user.js';
import { stringParam } from '../../remote-query.js';
import { leverResource, token } from '../api.js';
import { keyOf } from '../records.js';
import { fields, LeverUser, userToUnified } from '../shapes/users.js';

/**
 * `GET /v1/users` and `/v1/users/{id}`. Lever filters users by `email` and `access_role` (remote_query, applied),
 * neither a unified filter. Without `includeDeactivated` Lever leaves deactivated users out; the mock lists them all,
 * as records still point at them.
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
  query: ({ remoteQuery }) => {
    const email = stringParam(remoteQuery.email);
    const role = stringParam(remoteQuery.access_role);
    const keys = [...(email !== undefined ? [keyOf.email(email)] : []), ...(role !== undefined ? [keyOf.accessRole(role)] : [])];
    return keys.length > 0 ? { keys } : {};
  },
});
