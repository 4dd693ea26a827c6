import { Type, type Static } from '@sinclair/typebox';
import type { User } from '../../../model/user.js';
import { iso } from '../../../seed/reference-time.js';
import type { WorldUser } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { Fields, HarvestDate, Id, NullableString, remote } from './common.js';
import { GreenhouseDepartment } from './departments.js';
import { GreenhouseOffice } from './offices.js';

/**
 * `GET /v1/users` (list) and `GET /v1/users/{id}`; the single read adds `custom_fields` and `keyed_custom_fields`,
 * hence optional here.
 */
export const GreenhouseUser = Type.Object(
  {
    id: Id,
    name: Type.String(),
    first_name: NullableString,
    last_name: NullableString,
    primary_email_address: Type.String(),
    updated_at: HarvestDate,
    created_at: HarvestDate,
    disabled: Type.Boolean(),
    site_admin: Type.Boolean(),
    emails: Type.Array(Type.String()),
    employee_id: NullableString,
    linked_candidate_ids: Type.Array(Id),
    offices: Type.Array(GreenhouseOffice),
    departments: Type.Array(GreenhouseDepartment),
    custom_fields: Type.Optional(Fields),
    keyed_custom_fields: Type.Optional(Fields),
  },
  { additionalProperties: false },
);
export type GreenhouseUser = Static<typeof GreenhouseUser>;

/** The list record. Harvest v1 shows no hiring role, only `site_admin`: the world's admin is the site admin. */
export function toHarvestUser(user: WorldUser): GreenhouseUser {
  return {
    id: Number(ids.user(user.n)),
    name: `${user.firstName} ${user.lastName}`,
    first_name: user.firstName,
    last_name: user.lastName,
    primary_email_address: user.email,
    updated_at: iso(user.updatedAt),
    created_at: iso(user.createdAt),
    disabled: user.disabled,
    site_admin: user.role === 'admin',
    emails: [user.email],
    employee_id: null,
    linked_candidate_ids: [],
    offices: [],
    departments: [],
  };
}

/** The single read: the list record plus the custom fields (none in the mock's accounts). */
export function toHarvestUserSingle(user: WorldUser): GreenhouseUser {
  return { ...toHarvestUser(user), custom_fields: {}, keyed_custom_fields: {} };
}

/**
 * `access_role`: Harvest v1 exposes only `site_admin`; `admin` for a site admin and `basic` (Greenhouse's
 * lowest permission level) otherwise. Emails have no kind in Harvest, so only `is_primary` is said.
 */
export function userToUnified(raw: GreenhouseUser): User {
  return {
    id: String(raw.id),
    ...(raw.first_name !== null ? { first_name: raw.first_name } : {}),
    ...(raw.last_name !== null ? { last_name: raw.last_name } : {}),
    name: raw.name,
    emails: raw.emails.map((email) => ({ email, is_primary: email === raw.primary_email_address })),
    disabled: raw.disabled,
    access_role: raw.site_admin ? 'admin' : 'basic',
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'first_name', 'last_name', 'name', 'emails.email', 'emails.is_primary', 'disabled', 'access_role', 'created_at', 'updated_at',
] as const;
