import { Type, type Static } from '@sinclair/typebox';
import type { User } from '../../../model/user.js';
import type { WorldUser } from '../../../seed/world.js';
import { remote, Uuid } from './common.js';

/**
 * `GET /v2/users` → `{ "users": [...] }` (FOUNTAIN-TAP's schema, the gem's note `user`): id, name and email only;
 * no role, no dates, no deactivation flag.
 */
export const FountainUser = Type.Object({ id: Uuid, name: Type.String(), email: Type.String() }, { additionalProperties: false });
export type FountainUser = Static<typeof FountainUser>;

export const FountainUserList = Type.Object({ users: Type.Array(FountainUser) }, { additionalProperties: false });

export const toFountainUser = (u: WorldUser, id: string): FountainUser => ({ id, name: `${u.firstName} ${u.lastName}`, email: u.email });

export const fields = ['id', 'name', 'emails.email'] as const;

/** Fountain keeps one name: it is not split into first and last (a name is not reliably two words). */
export const userToUnified = (raw: FountainUser): User => ({ id: raw.id, name: raw.name, emails: [{ email: raw.email }], remote_data: remote(raw) });
