import { ashby } from './ashby/index.js';
import { breezy } from './breezy/index.js';
import { fountain } from './fountain/index.js';
import { greenhouse } from './greenhouse/index.js';
import { lever } from './lever/index.js';
import { workable } from './workable/index.js';
import type { Integration } from './types.js';

/** Every emulated ATS, by the name accounts use. Adding one is a folder and a line here. */
export const INTEGRATIONS: ReadonlyMap<string, Integration> = new Map([
  [greenhouse.name, greenhouse],
  [lever.name, lever],
  [ashby.name, ashby],
  [breezy.name, breezy],
  [fountain.name, fountain],
  [workable.name, workable],
]);

export function integrationNamed(name: string): Integration | undefined {
  return INTEGRATIONS.get(name);
}
