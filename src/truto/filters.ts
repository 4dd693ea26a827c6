import { Type, type TSchema } from '@sinclair/typebox';
import { StringEnum } from '../model/common.js';
import type { DateRange } from '../store/records.js';

/**
 * Every unified filter Truto documents, each described once: its query schema and how the Truto layer reads it.
 * A resource names the filters it takes (src/model/catalogue.ts); its route's query schema is built from these.
 */
export interface UnifiedFilters {
  candidate_id?: string;
  application_id?: string;
  job_id?: string;
  interview_id?: string;
  user_id?: string;
  organization_id?: string;
  /** Who performed an activity: `actor[id]=…&actor[type]=user`, as Truto documents it on the activities list. */
  actor?: Actor;
  /** Fountain: seconds until a listed attachment's file_url stops working. */
  expires_in?: number;
  created_at?: DateRange;
  updated_at?: DateRange;
  start_at?: DateRange;
  end_at?: DateRange;
  start_date?: DateRange;
  name?: string;
  /** A user's access role (Workable's member roles). */
  access_role?: AccessRole;
  email?: string;
  first_name?: string;
  last_name?: string;
  title?: string;
  company?: string;
  /** Any of these tag names. */
  tags?: string[];
  ids?: string[];
  sort_by?: SortBy;
}
export type FilterName = keyof UnifiedFilters;
export type Actor = { id: string; type?: 'candidate' | 'user' };
export const ACCESS_ROLES = ['admin', 'no_access', 'reviewer', 'simple'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];
export type SortBy = { created_at?: 'asc' | 'desc'; updated_at?: 'asc' | 'desc' };

export type FilterKind = 'id' | 'actor' | 'dateRange' | 'text' | 'list' | 'seconds' | 'sort' | 'accessRole';

interface FilterSpec {
  kind: FilterKind;
  /** What it means, with `{resource}` standing for the plural resource it filters. */
  description: string;
}

export const FILTERS: { readonly [N in FilterName]-?: FilterSpec } = {
  candidate_id: { kind: 'id', description: 'The ID of the candidate to filter the {resource} by.' },
  application_id: { kind: 'id', description: 'The ID of the application to filter the {resource} by.' },
  job_id: { kind: 'id', description: 'The ID of the job to filter the {resource} by.' },
  interview_id: { kind: 'id', description: 'The ID of the interview to filter the {resource} by.' },
  user_id: { kind: 'id', description: 'The ID of the user to filter the {resource} by.' },
  organization_id: { kind: 'id', description: 'The ID of the organization to filter the {resource} by.' },
  actor: { kind: 'actor', description: 'The actor to filter the {resource} by.' },
  expires_in: { kind: 'seconds', description: "The number of seconds until the attachment's file_url expires." },
  created_at: { kind: 'dateRange', description: 'created_at' },
  updated_at: { kind: 'dateRange', description: 'updated_at' },
  start_at: { kind: 'dateRange', description: 'start_at' },
  end_at: { kind: 'dateRange', description: 'end_at' },
  start_date: { kind: 'dateRange', description: 'start_date' },
  name: { kind: 'text', description: 'The name to filter the {resource} by.' },
  access_role: { kind: 'accessRole', description: 'The access role to filter the {resource} by.' },
  email: { kind: 'text', description: 'The email address to filter the {resource} by.' },
  first_name: { kind: 'text', description: 'The first name to filter the {resource} by.' },
  last_name: { kind: 'text', description: 'The last name to filter the {resource} by.' },
  title: { kind: 'text', description: 'The title to filter the {resource} by.' },
  company: { kind: 'text', description: 'The company to filter the {resource} by.' },
  tags: { kind: 'list', description: 'Tag names: the {resource} with any of them (tags=a,b or tags[]=a&tags[]=b).' },
  ids: { kind: 'list', description: 'IDs: the {resource} with these IDs (ids=a,b or ids[]=a&ids[]=b).' },
  sort_by: { kind: 'sort', description: 'Order of the {resource}: sort_by[created_at]=desc or sort_by[updated_at]=asc.' },
};

/** Filters whose comma form (`tags=a,b`) means a list, as `truto_exclude_fields` does. */
export const LIST_FILTERS: readonly FilterName[] = (Object.keys(FILTERS) as FilterName[]).filter((f) => FILTERS[f].kind === 'list');

const Direction = () => Type.Optional(StringEnum(['asc', 'desc']));

/** The query schema of one filter on one resource. */
export function filterSchema(name: FilterName, resource: string): TSchema {
  const { kind, description: text } = FILTERS[name];
  const description = text.replace('{resource}', resource.replace(/_/g, ' '));
  switch (kind) {
    case 'id':
      return Type.String({ minLength: 1, maxLength: 200, description });
    case 'actor':
      return Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 200, description: 'The ID of the actor to filter the activities by (required with actor).' }),
          type: Type.Optional(StringEnum(['candidate', 'user'], { description: 'Type of the actor' })),
        },
        { description },
      );
    case 'text':
      return Type.String({ minLength: 1, maxLength: 500, description });
    case 'accessRole':
      return StringEnum([...ACCESS_ROLES], { description });
    case 'seconds':
      return Type.Integer({ minimum: 1, maximum: 31_536_000, description });
    case 'list':
      return Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500, description });
    case 'sort':
      return Type.Object({ created_at: Direction(), updated_at: Direction() }, { description });
    case 'dateRange':
      return Type.Object(
        {
          gt: Type.Optional(Type.String({ description: `${text} after this instant (ISO 8601)` })),
          gte: Type.Optional(Type.String({ description: `${text} at or after this instant` })),
          lt: Type.Optional(Type.String({ description: `${text} before this instant` })),
          lte: Type.Optional(Type.String({ description: `${text} at or before this instant` })),
        },
        { description: `Filter on ${text}: ${text}[gt]=2024-01-01T00:00:00Z` },
      );
  }
}
