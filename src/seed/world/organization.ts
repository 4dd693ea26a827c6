import { Random, hash32 } from '../random.js';
import { DAY } from '../reference-time.js';
import * as V from '../vocabulary.js';
import type { WorldDepartment, WorldOffice, WorldTag } from '../world.js';

export interface Organization {
  departments: WorldDepartment[];
  offices: WorldOffice[];
  tags: WorldTag[];
}

/**
 * Departments, offices and tags, all dated before the first job (`before`). The jobs' own departments and offices come
 * first, numbered in vocabulary order (a job's `departmentN` is its department's place in `V.DEPARTMENTS`); the groups
 * and regions that parent them follow.
 */
export function buildOrganization(seed: number, accountId: string, before: number): Organization {
  const r = new Random(hash32(`${seed}:${accountId}:organization`));
  const founded = before - r.int(400, 700) * DAY;
  const later = () => founded + r.int(1, 360) * DAY + r.int(0, DAY);

  const names = Object.keys(V.DEPARTMENTS);
  const groups = Object.keys(V.DEPARTMENT_GROUPS);
  const departments: WorldDepartment[] = names.map((name, i) => {
    const group = groups.findIndex((g) => V.DEPARTMENT_GROUPS[g]!.includes(name));
    return { n: i + 1, name, parentN: group < 0 ? null : names.length + group + 1, createdAt: later() };
  });
  for (const name of groups) departments.push({ n: departments.length + 1, name, parentN: null, createdAt: founded });

  const regions = [...new Set(V.OFFICES.map((o) => V.OFFICE_PLACES[o]!.region))];
  const offices: WorldOffice[] = V.OFFICES.map((name, i) => {
    const place = V.OFFICE_PLACES[name]!;
    return {
      n: i + 1,
      name,
      location: place.location,
      parentN: V.OFFICES.length + regions.indexOf(place.region) + 1,
      isRemote: name.startsWith('Remote'),
      createdAt: later(),
    };
  });
  for (const name of regions) offices.push({ n: offices.length + 1, name, location: name, parentN: null, isRemote: false, createdAt: founded });

  const tags = V.TAGS.map((name, i) => ({ n: i + 1, name, createdAt: later() }));
  return { departments, offices, tags };
}
