import { Type, type Static } from '@sinclair/typebox';
import { readFileSync } from 'node:fs';
import { Random, hash32 } from '../seed/random.js';
import { globMatcher } from './glob.js';
import { queryMatches } from './journal.js';
import { parseJson } from './json-limits.js';
import { fieldName, firstProblem } from './strict.js';

const Ms = Type.Integer({ minimum: 0, maximum: 600_000 });

export const LatencySchema = Type.Union([
  Type.Object({ ms: Ms }, { additionalProperties: false }),
  Type.Object({ min: Ms, max: Ms }, { additionalProperties: false, description: 'A delay drawn in [min, max] from the seed' }),
]);
export type Latency = Static<typeof LatencySchema>;

const caseless = (word: string) => [...word].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join('');
/** Headers a rule may add to its answer: HTTP names (not those that frame the answer) and values Node will send. */
const RuleHeaders = Type.Record(
  Type.String({
    pattern: `^(?!(?:${['content-length', 'transfer-encoding', 'connection'].map(caseless).join('|')})$)[!#$%&'*+.^_\`|~0-9A-Za-z-]+$`,
  }),
  Type.String({ maxLength: 8192, pattern: '^[\\t\\x20-\\x7E\\x80-\\xFF]*$', 'x-expect': 'text on one line without control characters' }),
  {
    additionalProperties: false,
    description: 'Extra headers of the answer (not Content-Length, Transfer-Encoding or Connection)',
    'x-keys': 'an HTTP header name other than Content-Length, Transfer-Encoding or Connection',
  },
);

export const FaultActionSchema = Type.Union([
  Type.Object(
    {
      type: Type.Literal('error'),
      status: Type.Integer({ minimum: 400, maximum: 599 }),
      remote: Type.Optional(
        Type.Boolean({
          description:
            'A failure at the integration: truto_is_remote_error with the integration\'s own body as raw_response (default false: Truto\'s own error)',
        }),
      ),
      message: Type.Optional(Type.String({ description: 'Default: the catalogue\'s message for the status' })),
      raw_response: Type.Optional(Type.Unknown({ description: 'With remote: the integration\'s body (default: its own for the status)' })),
      headers: Type.Optional(RuleHeaders),
    },
    { additionalProperties: false, description: 'Answer this status in Truto\'s error shape' },
  ),
  Type.Object(
    {
      type: Type.Literal('rate_limit'),
      retry_after: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600, description: 'Retry-After, whole seconds (default 10)' })),
      remote: Type.Optional(Type.Boolean({ description: 'The integration\'s 429 rather than Truto\'s own' })),
    },
    { additionalProperties: false, description: '429 with Retry-After and ratelimit-* headers' },
  ),
  Type.Object({ type: Type.Literal('latency'), latency: LatencySchema }, { additionalProperties: false, description: 'Wait, then answer as usual' }),
  Type.Object({ type: Type.Literal('reset') }, { additionalProperties: false, description: 'Reset the connection (TCP RST), no answer' }),
  Type.Object({ type: Type.Literal('empty') }, { additionalProperties: false, description: 'Close the connection without a byte of answer' }),
]);
export type FaultAction = Static<typeof FaultActionSchema>;

export const RuleMatchSchema = Type.Object(
  {
    method: Type.Optional(Type.String({ description: 'Any case; absent: every method' })),
    path: Type.Optional(Type.String({ description: 'Exact path or a pattern where * matches anything, e.g. /unified/ats/candidates/*' })),
    integrated_account_id: Type.Optional(Type.String()),
    query: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Query values the request must carry, keys as sent' })),
  },
  { additionalProperties: false },
);

export const RuleScopeSchema = Type.Object(
  {
    times: Type.Optional(Type.Integer({ minimum: 1, description: 'Fire for the next N matching requests only' })),
    after: Type.Optional(Type.Integer({ minimum: 0, description: 'Let N matching requests through first' })),
    probability: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'Fire with this probability, drawn from the seed and the rule id (repeatable)' }),
    ),
  },
  { additionalProperties: false },
);

export const RuleInputSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$', description: 'Default: rule-<n>' })),
    match: Type.Optional(RuleMatchSchema),
    action: FaultActionSchema,
    scope: Type.Optional(RuleScopeSchema),
  },
  { additionalProperties: false },
);
export type RuleInput = Static<typeof RuleInputSchema>;

export const RuleSchema = Type.Object({
  id: Type.String(),
  match: RuleMatchSchema,
  action: FaultActionSchema,
  scope: RuleScopeSchema,
  matched: Type.Integer({ description: 'Matching requests seen' }),
  fired: Type.Integer({ description: 'Times the action was applied' }),
});
export type Rule = Static<typeof RuleSchema>;

/** A rules file: `{ "rules": [...] }` (or the list itself); also the body of `PUT /_mock/rules`. */
export const RulesFileSchema = Type.Object({ rules: Type.Array(RuleInputSchema) }, { additionalProperties: false });

/** What a rule sees of a request. */
export interface Inbound {
  method: string;
  path: string;
  account: string | null;
  query: Record<string, string | string[]>;
}

interface Live {
  rule: Rule;
  matches: (r: Inbound) => boolean;
  random: Random;
}

/**
 * The fault rules, in order. Each matching rule counts the request; the first whose scope admits it fires, and the
 * rules after it are not consulted. Probabilities come from a generator seeded with the mock's seed and the rule
 * id, so the same sequence of requests meets the same faults on every run.
 */
export class RuleSet {
  private live: Live[] = [];
  private counter = 0;

  constructor(private readonly seed: number) {}

  list(): Rule[] {
    return this.live.map((l) => ({ ...l.rule }));
  }

  get(id: string): Rule | undefined {
    const found = this.live.find((l) => l.rule.id === id);
    return found && { ...found.rule };
  }

  /** Replaces every rule; refuses (and keeps the old ones) when two share an id. */
  replace(inputs: readonly RuleInput[]): Rule[] | string {
    const ids = new Set<string>();
    const next: Live[] = [];
    for (const input of inputs) {
      const l = this.make(input, ids);
      if (typeof l === 'string') return l;
      next.push(l);
    }
    this.live = next;
    return this.list();
  }

  /** Adds a rule at the end; refuses a taken id. */
  add(input: RuleInput): Rule | string {
    const l = this.make(input, new Set(this.live.map((x) => x.rule.id)));
    if (typeof l === 'string') return l;
    this.live.push(l);
    return { ...l.rule };
  }

  delete(id: string): boolean {
    const before = this.live.length;
    this.live = this.live.filter((l) => l.rule.id !== id);
    return this.live.length < before;
  }

  clear(): void {
    this.live = [];
    this.counter = 0;
  }

  /** The rule that fires for this request, with the generator for its draws; counts are updated. */
  /** True when no rule is set: the request path skips describing the request at all. */
  get empty(): boolean {
    return this.live.length === 0;
  }

  fire(request: Inbound): { rule: Rule; random: Random } | undefined {
    for (const l of this.live) {
      if (!l.matches(request)) continue;
      const { rule } = l;
      rule.matched++;
      const { times, after, probability } = rule.scope;
      if (after !== undefined && rule.matched <= after) continue;
      if (times !== undefined && rule.fired >= times) continue;
      if (probability !== undefined && !(l.random.next() < probability)) continue;
      rule.fired++;
      return { rule, random: l.random };
    }
    return undefined;
  }

  private make(input: RuleInput, taken: Set<string>): Live | string {
    let id = input.id;
    if (id === undefined) {
      do id = `rule-${++this.counter}`;
      while (taken.has(id) || this.live.some((l) => l.rule.id === id));
    }
    if (taken.has(id)) return `a rule with id ${JSON.stringify(id)} already exists`;
    taken.add(id);
    const match = input.match ?? {};
    const rule: Rule = { id, match, action: input.action, scope: input.scope ?? {}, matched: 0, fired: 0 };
    return { rule, matches: requestMatcher(match), random: new Random(hash32(`${this.seed}:${id}`)) };
  }
}

function requestMatcher(match: Static<typeof RuleMatchSchema>): (r: Inbound) => boolean {
  const method = match.method?.toUpperCase();
  const path = match.path === undefined ? undefined : globMatcher(match.path);
  return (r) =>
    (method === undefined || r.method === method) &&
    (path === undefined || path(r.path)) &&
    (match.integrated_account_id === undefined || r.account === match.integrated_account_id) &&
    (match.query === undefined || queryMatches(r.query, match.query));
}

/** The rules of a file given at start; a file that does not parse or fit is refused with its first problem. */
export function loadRules(path: string, fail: (detail: string) => Error): RuleInput[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw fail(`cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed = parseJson(text);
  if ('problem' in parsed) throw fail(`cannot read ${path}: ${parsed.problem}`);
  // The bare list is read as { rules }, so a problem is reported at its own path rather than as "not a union member".
  const file = Array.isArray(parsed.value) ? { rules: parsed.value } : parsed.value;
  const problem = firstProblem(RulesFileSchema, file);
  if (problem) throw fail(`${path}: ${fieldName(problem.path) || 'the file'}: ${problem.detail}`);
  return (file as Static<typeof RulesFileSchema>).rules;
}
