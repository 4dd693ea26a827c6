import type { User } from '../../../model/user.js';
import type { ListRequest, Rendered, ResourceEmulation } from '../../types.js';
import { get, notFound, pagedUrl, wrappedPage } from '../api.js';
import { SPI, successor } from '../ids.js';
import { memberKeys } from '../records.js';
import { fields, memberToUnified, WorkableMember } from '../shapes/members.js';

/** `status=all`: deactivated members too, since activities and jobs still name them. */
const listUrl = (request: ListRequest, sinceId: string | undefined) =>
  pagedUrl('/members', request, sinceId, { status: 'all', name: request.filters.name, role: request.filters.access_role });

/**
 * `GET /spi/v3/members` (`{ members, paging }`). Workable has no single-member endpoint, so users are listed only.
 * Truto passes the unified `name` and `access_role` on as its `name` and `role` (a full name, whatever its case).
 */
export const users: ResourceEmulation<User, Rendered<WorkableMember>> = {
  kind: 'member',
  methods: ['list'],
  fields,
  filters: { supported: ['name', 'access_role'], required: { list: [], get: [] } },
  query: ({ filters }) => {
    const keys = [
      ...(filters.name !== undefined ? [memberKeys.name(filters.name)] : []),
      ...(filters.access_role !== undefined ? [memberKeys.role(filters.access_role)] : []),
    ];
    return keys.length > 0 ? { keys } : {};
  },
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as WorkableMember, row })),
  toUnified: ({ raw }) => memberToUnified(raw),
  rawSingle: (raw) => raw,
  rawPage: wrappedPage('members', listUrl),
  pageToken: (last) => successor((last as WorkableMember).id),
  notFound,
  call: (op) => (op.kind === 'get' ? get(`${SPI}/members`) : get(listUrl(op.request, op.request.pageToken))),
  rawSchema: WorkableMember,
};
