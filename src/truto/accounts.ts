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
  private byId = new Map<string, Account>();
  private current: Store;

  constructor(store: Store) {
    this.current = store;
    this.byId = Accounts.index(store);
  }

  get store(): Store {
    return this.current;
  }

  /**
   * Serves `store` from now on (a reset, a fixtures reload) and returns the one it replaces. One assignment: a
   * request sees the old data or the new, never a mix; one that already holds an Account keeps reading the old store.
   */
  swap(store: Store): Store {
    const old = this.current;
    this.byId = Accounts.index(store);
    this.current = store;
    return old;
  }

  private static index(store: Store): Map<string, Account> {
    const byId = new Map<string, Account>();
    for (const row of store.accounts()) {
      const integration = integrationNamed(row.integration);
      // A file seeded by a build that knew more integrations: its accounts stay unknown rather than crash.
      if (!integration) continue;
      const { records } = store;
      byId.set(row.id, {
        row,
        integration,
        reader: {
          get: (kind, id) => records.get(row.key, kind, id),
          byKeys: (kind, keys) => records.byKeys(row.key, kind, keys),
        },
      });
    }
    return byId;
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
