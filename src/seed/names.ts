/**
 * Faker's English vocabulary, read once; the generator draws from it with its own seeded Random. Only seeding loads
 * this file (and faker with it): a server reusing a prepared store never does.
 */
// The en_US entry point alone (its locale chain is en_US → en → base): the package's main entry loads every locale,
// which costs a restart on a prepared file ~130 ms for words it never uses.
import { faker } from '@faker-js/faker/locale/en_US';

const defs = faker.definitions;

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : Object.values(v as Record<string, string[]>).flat();

export const FIRST_NAMES = {
  female: asList(defs.person.first_name.female ?? []),
  male: asList(defs.person.first_name.male ?? []),
};
export const LAST_NAMES = asList(defs.person.last_name).filter((n) => /^[A-Za-z' -]+$/.test(n));
export const FREE_EMAIL = defs.internet.free_email as string[];
export const COMPANY_NOUNS = asList(defs.company.noun).filter((n) => !n.includes(' '));
