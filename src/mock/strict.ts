import { Kind, type TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';

/** Where a value went wrong (its keys from the root, as written) and what to do about it. */
export interface Problem {
  path: (string | number)[];
  detail: string;
  /** For an unknown key: the keys valid where it was found. */
  valid?: string[];
}

/**
 * The first problem of `value` against `schema`, in words a person can act on; undefined when it fits. Nothing is
 * coerced or stripped (Fastify's own validator drops unknown keys and reads "500" as 500): an unknown key is named
 * with the keys that are valid there, a discriminated union (a rule's `action`) names its valid `type`s, and a
 * value of the wrong type says which type it must be. The admin API's bodies and queries and the `--rules` file are
 * all checked here, so they refuse the same things in the same words.
 */
export function firstProblem(schema: TSchema, value: unknown, path: (string | number)[] = []): Problem | undefined {
  switch (schema[Kind]) {
    case 'Unknown':
    case 'Any':
      return undefined;
    case 'Object':
      return objectProblem(schema, value, path);
    case 'Record':
      return recordProblem(schema, value, path);
    case 'Array':
      if (!Array.isArray(value)) return { path, detail: 'must be a list' };
      for (const [i, item] of value.entries()) {
        const problem = firstProblem(schema.items as TSchema, item, [...path, i]);
        if (problem) return problem;
      }
      return leafProblem(schema, value, path);
    case 'Union':
      return unionProblem(schema.anyOf as TSchema[], value, path);
    default:
      return leafProblem(schema, value, path);
  }
}

/** `action.status`, `rules[0].match.pth`: a body field as a JavaScript client writes it. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** `query[limit]`: a query parameter as it is sent. */
export function parameterName(path: readonly (string | number)[]): string {
  const [head, ...rest] = path;
  return String(head ?? '') + rest.map((p) => `[${p}]`).join('');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectProblem(schema: TSchema, value: unknown, path: (string | number)[]): Problem | undefined {
  if (!isObject(value)) return { path, detail: 'must be an object' };
  const properties = schema.properties as Record<string, TSchema>;
  const names = Object.keys(properties);
  if (schema.additionalProperties === false) {
    const unknown = Object.keys(value).find((k) => !Object.hasOwn(properties, k));
    if (unknown !== undefined) {
      const of = path.length > 0 ? ` of ${fieldName(path)}` : '';
      return { path: [...path, unknown], detail: `is not a known field; valid fields${of}: ${names.join(', ')}`, valid: names };
    }
  }
  for (const name of (schema.required as string[] | undefined) ?? []) {
    if (value[name] === undefined) return { path: [...path, name], detail: 'is required' };
  }
  for (const name of names) {
    if (value[name] === undefined) continue;
    const problem = firstProblem(properties[name]!, value[name], [...path, name]);
    if (problem) return problem;
  }
  return undefined;
}

function recordProblem(schema: TSchema, value: unknown, path: (string | number)[]): Problem | undefined {
  if (!isObject(value)) return { path, detail: 'must be an object' };
  const [pattern, item] = Object.entries(schema.patternProperties as Record<string, TSchema>)[0]!;
  const keys = new RegExp(pattern);
  for (const [key, v] of Object.entries(value)) {
    if (!keys.test(key)) {
      const rule = schema['x-keys'] as string | undefined;
      return { path: [...path, key], detail: rule ? `is not ${rule}` : `is not a valid key (${pattern})` };
    }
    const problem = firstProblem(item, v, [...path, key]);
    if (problem) return problem;
  }
  return undefined;
}

function unionProblem(members: TSchema[], value: unknown, path: (string | number)[]): Problem | undefined {
  if (members.some((m) => Value.Check(m, value))) return undefined;
  const tag = discriminator(members);
  if (tag !== undefined) {
    if (!isObject(value)) return { path, detail: 'must be an object' };
    const types = members.map((m) => (m.properties as Record<string, TSchema>)[tag]!.const as string);
    const member = members.find((m) => (m.properties as Record<string, TSchema>)[tag]!.const === value[tag]);
    if (!member) return { path: [...path, tag], detail: `must be one of ${types.join(', ')}` };
    return firstProblem(member, value, path);
  }
  // Not tagged: the member the value was meant for is the one of its type whose keys it uses.
  const fitting = members.filter((m) => sameType(m, value));
  const meant = isObject(value)
    ? fitting.find((m) => Object.keys(value).every((k) => Object.hasOwn(m.properties as object, k)))
    : fitting[0];
  if (meant) return firstProblem(meant, value, path);
  return { path, detail: `must be ${members.map(describeType).join(' or ')}` };
}

/** The key every member of a union of objects fixes to its own literal (a rule action's `type`). */
function discriminator(members: TSchema[]): string | undefined {
  if (!members.every((m) => m[Kind] === 'Object')) return undefined;
  const first = members[0]!.properties as Record<string, TSchema>;
  return Object.keys(first).find((k) =>
    members.every((m) => {
      const p = (m.properties as Record<string, TSchema>)[k];
      return p !== undefined && p[Kind] === 'Literal';
    }),
  );
}

function sameType(schema: TSchema, value: unknown): boolean {
  switch (schema[Kind]) {
    case 'Object':
    case 'Record':
      return isObject(value);
    case 'Integer':
    case 'Number':
      return typeof value === 'number';
    case 'String':
      return typeof value === 'string';
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Null':
      return value === null;
    case 'Array':
      return Array.isArray(value);
    default:
      return false;
  }
}

function describeType(schema: TSchema): string {
  switch (schema[Kind]) {
    case 'Object':
      return `an object with ${Object.keys(schema.properties as object).join(', ')}`;
    case 'Integer':
      return 'a whole number';
    case 'Number':
      return 'a number';
    case 'String':
      return 'a string';
    case 'Boolean':
      return 'true or false';
    case 'Null':
      return 'null';
    case 'Literal':
      return JSON.stringify(schema.const);
    default:
      return 'another value';
  }
}

function leafProblem(schema: TSchema, value: unknown, path: (string | number)[]): Problem | undefined {
  const error = Value.Errors(schema, value).First();
  if (!error) return undefined;
  const at = [...path, ...error.path.split('/').filter(Boolean)];
  const s = error.schema as Record<string, unknown>;
  switch (error.type) {
    case ValueErrorType.Integer:
      return { path: at, detail: 'must be a whole number' };
    case ValueErrorType.Number:
      return { path: at, detail: 'must be a number' };
    case ValueErrorType.String:
      return { path: at, detail: 'must be a string' };
    case ValueErrorType.Boolean:
      return { path: at, detail: 'must be true or false' };
    case ValueErrorType.Null:
      return { path: at, detail: 'must be null' };
    case ValueErrorType.Literal:
      return { path: at, detail: `must be ${JSON.stringify(s.const)}` };
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return { path: at, detail: `must be at least ${String(s.minimum)}` };
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return { path: at, detail: `must be at most ${String(s.maximum)}` };
    case ValueErrorType.StringMinLength:
      return { path: at, detail: s.minLength === 1 ? 'must not be empty' : `must be at least ${String(s.minLength)} characters` };
    case ValueErrorType.StringMaxLength:
      return { path: at, detail: `must be at most ${String(s.maxLength)} characters` };
    case ValueErrorType.StringPattern:
      return { path: at, detail: typeof s['x-expect'] === 'string' ? `must be ${s['x-expect']}` : `must match ${String(s.pattern)}` };
    case ValueErrorType.ArrayMaxItems:
      return { path: at, detail: `must have at most ${String(s.maxItems)} items` };
    default:
      return { path: at, detail: error.message };
  }
}
