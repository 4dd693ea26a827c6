import { greenhouse } from './greenhouse/index.js';
import { lever } from './lever/index.js';
import type { Integration } from './types.js';

/** Every emulated ATS, by the name accounts use. Adding one is a folder and a line here. */
export const INTEGRATIONS: ReadonlyMap<string, Integration> = new Map([
  [greenhouse.name, greenhouse],
  [lever.name, lever],
]);

export function integrationNamed(name: string): Integration | undefined {
  return INTEGRATIONS.get(name);
}
