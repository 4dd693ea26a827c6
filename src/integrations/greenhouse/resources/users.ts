import type { User } from '../../../model/user.js';
import { harvestResource } from '../api.js';
import { fields, GreenhouseUser, userToUnified } from '../shapes/users.js';

/** `GET /v1/users` (created/updated before/after; `email` through remote_query); no name filter in Harvest. */
export const users = harvestResource<User, GreenhouseUser>({
  kind: 'user',
  methods: ['list', 'get'],
  fields,
  path: '/users',
  rawSchema: GreenhouseUser,
  toUnified: ({ raw }) => userToUnified(raw),
  supported: ['created_at', 'updated_at'],
});
