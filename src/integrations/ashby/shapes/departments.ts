import { Type, type Static } from '@sinclair/typebox';
import type { Department } from '../../../model/department.js';
import { AshbyDate, Closed, Nullable, remote, Uuid } from './common.js';

/** `department.list` items as recorded live (the spec lists only `id, name, isArchived, parentId`). */
export const AshbyDepartment = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    externalName: Nullable(Type.String()),
    isArchived: Type.Boolean(),
    parentId: Nullable(Uuid),
    createdAt: AshbyDate,
    updatedAt: AshbyDate,
    extraData: Nullable(Type.Record(Type.String(), Type.Unknown())),
  },
  Closed,
);
export type AshbyDepartment = Static<typeof AshbyDepartment>;

/** The parent is only an id in Ashby: its name is not filled. */
export function departmentToUnified(raw: AshbyDepartment): Department {
  return {
    id: raw.id,
    name: raw.name,
    ...(raw.parentId !== null ? { parent: { id: raw.parentId } } : {}),
    status: raw.isArchived ? 'inactive' : 'active',
    created_at: raw.createdAt,
    updated_at: raw.updatedAt,
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'name', 'parent.id', 'status', 'created_at', 'updated_at'] as const;
