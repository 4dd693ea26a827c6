import { Type, type Static, type TObject } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { readFileSync } from 'node:fs';
import { INTEGRATIONS } from '../integrations/registry.js';
import { nearest } from '../nearest.js';

// Every object is closed (additionalProperties: false): a field the generator does not read would otherwise be
// dropped without a word and replaced by generated data. docs/fixtures.md describes each field.
const closed = { additionalProperties: false } as const;

const PinnedApplicationSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, description: 'Its id in the integration\'s own format; default: generated' })),
    status: Type.Union([Type.Literal('active'), Type.Literal('rejected'), Type.Literal('hired')]),
  },
  closed,
);

const PinnedAttachmentSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, description: 'Its id in the integration\'s own format; default: generated' })),
    type: Type.Union([Type.Literal('resume'), Type.Literal('cover_letter'), Type.Literal('other')]),
    application: Type.Optional(Type.Integer({ minimum: 0, description: 'Index into this candidate\'s applications' })),
  },
  closed,
);

const PinnedCandidateSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    first_name: Type.String({ minLength: 1 }),
    last_name: Type.String({ minLength: 1 }),
    email: Type.Optional(Type.String({ minLength: 3 })),
    company: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    tags: Type.Optional(Type.Array(Type.String())),
    applications: Type.Optional(Type.Array(PinnedApplicationSchema, { minItems: 1 })),
    attachments: Type.Optional(Type.Array(PinnedAttachmentSchema)),
  },
  closed,
);

export const AccountFixtureSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200 }),
    integration: Type.String(),
    name: Type.String(),
    candidates: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    pinned: Type.Optional(Type.Object({ candidates: Type.Optional(Type.Array(PinnedCandidateSchema)) }, closed)),
    sandbox: Type.Optional(Type.Boolean({ description: 'A sandbox account answers every write with 405, as Truto\'s do' })),
    variables: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z_][a-z0-9_]*$' }), Type.String(), {
        description: 'The integrated account\'s variables, such as on_behalf_of_user_id (Greenhouse writes act as that user)',
      }),
    ),
  },
  closed,
);

export const FixturesSchema = Type.Object({ accounts: Type.Array(AccountFixtureSchema, { minItems: 1 }) }, closed);

export type AccountFixture = Static<typeof AccountFixtureSchema>;
export type Fixtures = Static<typeof FixturesSchema>;

export class FixturesError extends Error {}

export function loadFixtures(path: string): { fixtures: Fixtures; text: string } {
  let text: string;
  let data: unknown;
  try {
    text = readFileSync(path, 'utf8');
    data = JSON.parse(text);
  } catch (err) {
    throw new FixturesError(`cannot read fixtures ${path}: ${(err as Error).message}`);
  }
  const first = Value.Errors(FixturesSchema, data).First();
  if (first) throw new FixturesError(`fixtures ${path}: ${describe(first)}`);
  const fixtures = data as Fixtures;
  const seen = new Set<string>();
  for (const account of fixtures.accounts) {
    if (!INTEGRATIONS.has(account.integration)) {
      throw new FixturesError(
        `fixtures ${path}: account ${account.id} names integration "${account.integration}"; known: ${[...INTEGRATIONS.keys()].join(', ')}`,
      );
    }
    if (seen.has(account.id)) throw new FixturesError(`fixtures ${path}: account ${account.id} appears twice`);
    seen.add(account.id);
    for (const pin of account.pinned?.candidates ?? []) {
      for (const a of pin.attachments ?? []) {
        if (a.application !== undefined && a.application >= (pin.applications?.length ?? 0)) {
          throw new FixturesError(`fixtures ${path}: candidate ${pin.id} has an attachment on application ${a.application}, which it does not have`);
        }
      }
    }
  }
  return { fixtures, text };
}

/** An unknown field is named with where it is and what is allowed there; any other error by its path. */
function describe(error: ValueError): string {
  if (error.type !== ValueErrorType.ObjectAdditionalProperties) return `${error.path || '/'} ${error.message}`;
  const field = error.path.split('/').pop()!.replace(/~1/g, '/').replace(/~0/g, '~');
  const known = Object.keys((error.schema as TObject).properties);
  const hint = nearest(field, known);
  return (
    `unknown field "${field}" at ${error.path}${hint ? ` (did you mean "${hint}"?)` : ''}; ` +
    `the fields there are ${known.join(', ')} (docs/fixtures.md)`
  );
}
