import type { TSchema } from '@sinclair/typebox';
import { CATALOGUE } from './model/catalogue.js';
import { AccountInfoSchema, IntegrationInfoSchema } from './model/discovery.js';
import { TrutoErrorSchema, type TrutoErrorBody } from './model/error.js';
import { JournalEntrySchema, JournalFilterSchema } from './mock/journal.js';
import { FaultActionSchema, RuleInputSchema, RuleSchema } from './mock/rules.js';
import { loadFixtures } from './seed/fixtures.js';
import { errors } from './truto/errors.js';

/** `job interview stage` → `JobInterviewStage`. */
const pascal = (words: string) => words.split(/[\s_-]+/).map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('');

/**
 * The shapes a client generator and a reader should see by name (`#/components/schemas/Candidate`) rather than
 * inlined at every use: every resource of the catalogue (named after its singular), Truto's error, the admin API's.
 * The routes keep using the TypeBox schemas themselves, and TypeBox composes by reference, so their copies in the
 * document are found by identity: a resource added to the catalogue is named without being listed here.
 */
export const namedSchemas: Record<string, TSchema> = {
  ...Object.fromEntries(Object.values(CATALOGUE).map((spec) => [pascal(spec.singular), spec.schema])),
  TrutoError: TrutoErrorSchema,
  JournalEntry: JournalEntrySchema,
  JournalFilter: JournalFilterSchema,
  Rule: RuleSchema,
  RuleInput: RuleInputSchema,
  FaultAction: FaultActionSchema,
  Account: AccountInfoSchema,
  Integration: IntegrationInfoSchema,
};

type Json = Record<string, unknown>;

const nameOf = new Map<unknown, string>(Object.entries(namedSchemas).map(([name, schema]) => [schema, name]));

/**
 * A route's schema with every named schema inside it written as a `$ref`. The routes' TypeBox schemas hold the
 * named ones themselves (TypeBox composes by reference), so they are found by identity; nothing is mutated.
 */
export function withRefs(schema: unknown, isRoot = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => withRefs(s));
  if (schema === null || typeof schema !== 'object') return schema;
  const name = isRoot ? undefined : nameOf.get(schema);
  if (name) return { $ref: `#/components/schemas/${name}` };
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, withRefs(v)]));
}

/** `components.schemas`: every named schema, with the named ones it contains as references too. */
export function componentSchemas(): Json {
  return Object.fromEntries(Object.entries(namedSchemas).map(([name, schema]) => [name, withRefs(schema, true)]));
}

/** The ids a first request succeeds with: the first account of the fixtures served and its first pinned candidate. */
export function documentExamples(fixturesPath: string): { account?: string; candidate?: string } {
  try {
    const first = loadFixtures(fixturesPath).fixtures.accounts[0];
    const candidate = first?.pinned?.candidates?.[0]?.id;
    return { ...(first ? { account: first.id } : {}), ...(candidate ? { candidate } : {}) };
  } catch {
    // The app has loaded this file already; a file changed since is no reason to fail the document.
    return {};
  }
}

/** The body the mock answers with this status on this route, as an example (one per status, not all 400s). */
export function errorExample(status: number, url: string): TrutoErrorBody {
  const unified = url.startsWith('/unified/');
  switch (status) {
    case 400:
      return unified ? errors.missingQuery(['integrated_account_id']).body : errors.badRequest('The request URL is malformed (bad percent-encoding)').body;
    case 401:
      return url.startsWith('/_mock') ? errors.adminToken().body : errors.missingToken().body;
    case 403:
      return errors.fileExpired().body;
    case 404:
      if (unified) return errors.remote(404, 'Resource not found', { message: 'Resource not found' }).body;
      if (url.startsWith('/_mock/rules')) return errors.ruleNotFound('rule-1').body;
      return errors.attachmentNotFound('9200001003').body;
    case 409:
      return errors.ruleConflict('two rules have the id "rule-1"').body;
    case 429:
      return errors.rateLimited({}).body;
    case 500:
      return errors.internal().body;
    default:
      return errors.fault(status).body;
  }
}
