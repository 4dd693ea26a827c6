import { createHook } from 'node:async_hooks';

/**
 * One of Node's `process.nextTick` records, kept for the life of the process.
 *
 * nextTick builds each record as an object literal with computed keys, and V8 remembers how to add each key by the
 * hidden class the record has at that step. Those classes live only as long as some record does: a full collection
 * while no record is pending frees them, and the next record gets new ones. Once a step has seen five, V8 stops
 * remembering (megamorphic) for good, and every nextTick goes through the runtime: about 500 ns instead of 60. The
 * mock's start-up (schemas, the store) runs enough full collections to get there, and Node's own request teardown
 * calls nextTick ten times a request: 5-8 µs of a small answer's 45 under load, measured. The bare server does not
 * get there. A record kept alive keeps its classes, and nextTick stays fast.
 *
 * Imported first by the command (`server.ts`), before anything that collects.
 */
let kept: object | undefined;
const hook = createHook({
  init(_asyncId, type, _triggerAsyncId, resource) {
    if (type === 'TickObject') kept ??= resource as object;
  },
}).enable();
process.nextTick(() => {});
hook.disable();

export const keptTick: object | undefined = kept;
