import { Type, type Static } from '@sinclair/typebox';

export const SeedProgressSchema = Type.Object(
  {
    accounts_done: Type.Integer({ minimum: 0 }),
    accounts: Type.Integer({ minimum: 0, description: 'Integrated accounts being seeded' }),
    candidates_done: Type.Integer({ minimum: 0 }),
    candidates: Type.Integer({ minimum: 0, description: 'Candidates in all, every account together' }),
    elapsed_ms: Type.Integer({ minimum: 0 }),
  },
  { description: 'How far the seeding has got' },
);

/** `GET /health` while the store is being seeded. */
export const SeedingHealthSchema = Type.Object(
  { status: Type.Literal('seeding'), progress: Type.Optional(SeedProgressSchema) },
  { description: 'Still seeding; try again shortly' },
);

export type SeedProgressBody = Static<typeof SeedProgressSchema>;

/** How far a seeding has got, written by the seeder and read by whoever reports it (log lines, `/health`). */
export class SeedProgress {
  accounts = 0;
  accountsDone = 0;
  candidates = 0;
  candidatesDone = 0;
  private readonly started = performance.now();

  body(): SeedProgressBody {
    return {
      accounts_done: this.accountsDone,
      accounts: this.accounts,
      candidates_done: this.candidatesDone,
      candidates: this.candidates,
      elapsed_ms: Math.round(performance.now() - this.started),
    };
  }
}
