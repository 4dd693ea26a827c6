import { Kind, Type, TypeRegistry } from '@sinclair/typebox';

/** ISO 8601 date-time in UTC, as Truto sends every date. */
export const DateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });

/** `{id}`: an object holding only an id, pointing at a record of the same account. */
export const Ref = (what: string) =>
  Type.Object({ id: Type.String({ description: `Unique identifier of the ${what}` }) }, { description: `The ${what}` });

export const RemoteData = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Raw data returned from the remote API call.',
});

TypeRegistry.Set<{ enum: string[] }>('StringEnum', (schema, value) => typeof value === 'string' && schema.enum.includes(value));

/** String enum as a plain JSON-schema `enum` (not anyOf), so validation errors and OpenAPI list the values. */
export const StringEnum = <T extends string[]>(values: [...T], options: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ [Kind]: 'StringEnum', type: 'string', enum: values, ...options });
