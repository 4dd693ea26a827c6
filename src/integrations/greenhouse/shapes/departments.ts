import { Type, type Static } from '@sinclair/typebox';
import type { Department } from '../../../model/department.js';
import type { World, WorldDepartment } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { Id, Nullable, NullableString, remote } from './common.js';

/** `GET /v1/departments` (`render_as=list`, the default) and `/v1/departments/{id}`; jobs and users embed the same. */
export const GreenhouseDepartment = Type.Object(
  {
    id: Id,
    name: Type.String(),
    parent_id: Nullable(Id),
    parent_department_external_id: NullableString,
    child_ids: Type.Array(Id),
    child_department_external_ids: Type.Array(Type.String()),
    external_id: NullableString,
  },
  { additionalProperties: false },
);
export type GreenhouseDepartment = Static<typeof GreenhouseDepartment>;

export function toHarvestDepartment(department: WorldDepartment, world: World): GreenhouseDepartment {
  return {
    id: Number(ids.department(department.n)),
    name: department.name,
    parent_id: department.parentN === null ? null : Number(ids.department(department.parentN)),
    parent_department_external_id: null,
    child_ids: world.departments.filter((d) => d.parentN === department.n).map((d) => Number(ids.department(d.n))),
    child_department_external_ids: [],
    external_id: null,
  };
}

/** Harvest's department has no status and no dates, and names its parent by id only. */
export function departmentToUnified(raw: GreenhouseDepartment): Department {
  return {
    id: String(raw.id),
    name: raw.name,
    ...(raw.parent_id !== null ? { parent: { id: String(raw.parent_id) } } : {}),
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'name', 'parent.id'] as const;
