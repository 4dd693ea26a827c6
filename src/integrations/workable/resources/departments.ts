import type { Department } from '../../../model/department.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { get, notFound } from '../api.js';
import { SPI } from '../ids.js';
import { departmentToUnified, fields, WorkableDepartment } from '../shapes/departments.js';

/** `GET /spi/v3/departments`: a bare array, all at once (Workable neither pages nor filters it; the mock pages it). */
export const departments: ResourceEmulation<Department, Rendered<WorkableDepartment>> = {
  kind: 'department',
  methods: ['list'],
  fields,
  filters: { supported: [], required: { list: [], get: [] } },
  query: () => ({}),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as WorkableDepartment, row })),
  toUnified: ({ raw }) => departmentToUnified(raw),
  rawSingle: (raw) => raw,
  notFound,
  call: (op) => get(`${SPI}/departments`, op.request.remoteQuery),
  rawSchema: WorkableDepartment,
};
