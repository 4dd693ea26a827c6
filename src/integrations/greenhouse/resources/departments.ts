import type { Department } from '../../../model/department.js';
import { harvestResource } from '../api.js';
import { departmentToUnified, fields, GreenhouseDepartment } from '../shapes/departments.js';

/** `GET /v1/departments`: no date filters (Harvest's departments have no dates). */
export const departments = harvestResource<Department, GreenhouseDepartment>({
  kind: 'department',
  methods: ['list', 'get'],
  fields,
  path: '/departments',
  rawSchema: GreenhouseDepartment,
  toUnified: ({ raw }) => departmentToUnified(raw),
});
