import { integrationNamed } from '../integrations/registry.js';
import type { AccountReader, Integration } from '../integrations/types.js';
import type { AccountRow, Store } from '../store/index.js';
import { errors } from './errors.js';

/** An integrated account with its integration and its slice of the store. */
export interface Account {
  row: AccountRow;
  integration: Integration;
  reader: AccountReader;
}

export class Accounts {
  private readonly byId = new Map<string, Account>();

  constructor(readonly store: Store) {
    for (const row of store.accounts()) {
      const integration = integrationNamed(row.integration);
      // A file seeded by a build that knew more integrations: its accounts stay unknown rather than crash.
      if (!integration) continue;
      const { records } = store;
      this.byId.set(row.id, {
        row,
        integration,
        reader: {
          get: (kind, id) => records.get(row.key, kind, id),
          byParent: (kind, column, ids) => records.byParent(row.key, kind, column, ids),
        },
      });
    }
  }

  get(id: string): Account {
    const account = this.byId.get(id);
    if (!account) throw errors.accountNotFound(id);
    return account;
  }

  list(): Account[] {
    return [...this.byId.values()];
  }
}
