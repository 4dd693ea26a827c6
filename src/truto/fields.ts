import type { TSchema } from '@sinclair/typebox';

/** `truto_exclude_fields` as a tree: `applications.attachments` → { applications: { attachments: true } }. */
export type FieldTree = { [field: string]: FieldTree | true };

export function fieldTree(paths: readonly string[]): FieldTree {
  const root: FieldTree = Object.create(null);
  for (const path of paths) {
    const parts = path.split('.').filter(Boolean);
    let node = root;
    parts.forEach((part, i) => {
      if (node[part] === true) return;
      if (i === parts.length - 1) node[part] = true;
      else node = (node[part] ??= Object.create(null)) as FieldTree;
    });
  }
  return root;
}

/**
 * A copy of `value` without the fields the tree names. Paths go through arrays (each element), and only the
 * objects along a path are copied: records share their raw parts, which must stay untouched.
 */
export function withoutFields<T>(value: T, tree: FieldTree): T {
  if (Array.isArray(value)) return value.map((v) => withoutFields(v, tree)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(tree)) {
    if (!(key in out)) continue;
    const sub = tree[key]!;
    if (sub === true) delete out[key];
    else out[key] = withoutFields(out[key], sub);
  }
  return out as T;
}

/**
 * The `normalized` form: every field the schema declares, `null` where the integration gave no value, and no
 * `remote_data`, so every integration answers with the same keys.
 */
export function normalized(schema: TSchema, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (schema.type === 'array' && Array.isArray(value)) return value.map((v) => normalized(schema.items as TSchema, v));
  if (schema.type === 'object' && schema.properties && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(schema.properties as Record<string, TSchema>)) {
      if (key === 'remote_data') continue;
      out[key] = normalized(sub, source[key]);
    }
    return out;
  }
  return value;
}

/** lodash `get` for a dotted path, for `truto_key_by`; own fields only (`__proto__`, `constructor` are no fields). */
export function valueAt(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}
