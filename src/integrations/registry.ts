import { ashby } from './ashby/index.js';
import { greenhouse } from './greenhouse/index.js';
import type { Integration } from './types.js';

/** Every emulated ATS, by the name accounts use. Adding one is a folder and a line here. */
export const INTEGRATIONS: ReadonlyMap<string, Integration> = new Map([
  [greenhouse.name, greenhouse],
  [ashby.name, ashby],
]);

export function integrationNamed(name: string): Integration | undefined {
  return INTEGRATIONS.get(name);
}
