import { Type, type Static } from '@sinclair/typebox';
import type { Office } from '../../../model/office.js';
import type { World, WorldOffice } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { Id, Nullable, NullableString, remote } from './common.js';

/** `GET /v1/offices` (`render_as=list`) and `/v1/offices/{id}`; jobs and users embed the same. */
export const GreenhouseOffice = Type.Object(
  {
    id: Id,
    name: Type.String(),
    location: Type.Object({ name: NullableString }, { additionalProperties: false }),
    primary_contact_user_id: Nullable(Id),
    parent_id: Nullable(Id),
    parent_office_external_id: NullableString,
    child_ids: Type.Array(Id),
    child_office_external_ids: Type.Array(Type.String()),
    external_id: NullableString,
  },
  { additionalProperties: false },
);
export type GreenhouseOffice = Static<typeof GreenhouseOffice>;

/** The world names no office contact, so `primary_contact_user_id` stays null (as Harvest allows). */
export function toHarvestOffice(office: WorldOffice, world: World): GreenhouseOffice {
  return {
    id: Number(ids.office(office.n)),
    name: office.name,
    location: { name: office.location },
    primary_contact_user_id: null,
    parent_id: office.parentN === null ? null : Number(ids.office(office.parentN)),
    parent_office_external_id: null,
    child_ids: world.offices.filter((o) => o.parentN === office.n).map((o) => Number(ids.office(o.n))),
    child_office_external_ids: [],
    external_id: null,
  };
}

/** Harvest's office has no dates and no remote flag (`WorldOffice.isRemote` has nowhere to go). */
export function officeToUnified(raw: GreenhouseOffice): Office {
  return {
    id: String(raw.id),
    name: raw.name,
    ...(raw.parent_id !== null ? { parent: { id: String(raw.parent_id) } } : {}),
    ...(raw.location.name !== null ? { location: raw.location.name } : {}),
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'name', 'parent.id', 'location'] as const;
