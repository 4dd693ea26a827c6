import type { Department } from '../../../model/department.js';
import { ashbyResource } from '../api.js';
import { AshbyDepartment, departmentToUnified, fields } from '../shapes/departments.js';

/** `department.list` (`includeArchived`); Truto lists departments only. */
export const departments = ashbyResource<Department, AshbyDepartment>({
  kind: 'department',
  methods: ['list'],
  fields,
  list: 'department.list',
  rawSchema: AshbyDepartment,
  toUnified: ({ raw }) => departmentToUnified(raw),
});
