import { Type, type Static } from '@sinclair/typebox';
import type { Department } from '../../../model/department.js';
import type { WorldDepartment } from '../../../seed/world.js';
import { more } from '../ids.js';
import { Closed, Id, Nullable, remote } from './common.js';

/** One entry of `GET /spi/v3/departments`, a bare array (no wrapper, no paging). */
export const WorkableDepartment = Closed({ id: Id, name: Type.String(), parent_id: Nullable(Id), sample: Type.Boolean() });
export type WorkableDepartment = Static<typeof WorkableDepartment>;

export const toWorkableDepartment = (d: WorldDepartment): WorkableDepartment => ({
  id: more.department(d.n),
  name: d.name,
  parent_id: d.parentN === null ? null : more.department(d.parentN),
  sample: false,
});

/** Workable's department has no dates and no status; its parent is named by id only. */
export const departmentToUnified = (raw: WorkableDepartment): Department => ({
  id: raw.id,
  name: raw.name,
  ...(raw.parent_id !== null ? { parent: { id: raw.parent_id } } : {}),
  remote_data: remote(raw),
});

export const fields = ['id', 'name', 'parent.id'] as const;
