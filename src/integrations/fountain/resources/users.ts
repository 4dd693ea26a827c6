import type { User } from '../../../model/user.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { call, notFound } from '../api.js';
import { fields, FountainUser, userToUnified } from '../shapes/users.js';

/**
 * `GET /v2/users` → `{ "users": [...] }`: every user of the account in one answer (no paging is documented; the
 * mock pages what it returns). Truto lists Fountain's users but has no get for them.
 */
export const users: ResourceEmulation<User, Rendered<FountainUser>> = {
  kind: 'user',
  methods: ['list'],
  fields,
  filters: { supported: [], required: { list: [], get: [] } },
  query: () => ({}),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as FountainUser, row })),
  toUnified: ({ raw }) => userToUnified(raw),
  rawSingle: (raw) => raw,
  rawPage: (raws) => ({ users: raws }),
  notFound,
  call: (op) => call('/users', op.request.remoteQuery),
  rawSchema: FountainUser,
};
