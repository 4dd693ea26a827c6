import type { ResourceEmulation } from '../integrations/types.js';
import type { Method } from '../model/catalogue.js';

/** Custom methods of Truto's unified API (`POST /unified/ats/<resource>/<method>`). */
const CUSTOM_METHODS = new Set(['move-stage', 'reject', 'download']);

/**
 * Truto's word for what a request asks of a resource (`list`, `get`, `create`, `update`, `delete`, a custom method),
 * from its HTTP method and what follows the resource in the path; undefined where no Truto route has that shape.
 */
export function methodOf(httpMethod: string, rest: string | undefined): string | undefined {
  switch (httpMethod) {
    case 'GET':
    case 'HEAD':
      return rest === undefined ? 'list' : 'get';
    case 'POST':
      return rest === undefined ? 'create' : CUSTOM_METHODS.has(rest) ? rest : undefined;
    case 'PATCH':
    case 'PUT':
      return rest === undefined ? undefined : 'update';
    case 'DELETE':
      return rest === undefined ? undefined : 'delete';
    default:
      return undefined;
  }
}

/**
 * The methods an integration offers on a resource, reads then writes, as `supported_methods` lists them. Downloads
 * come with attachments: every integration that serves attachments serves their files.
 */
export function supportedMethods(emulation: Pick<ResourceEmulation<object>, 'methods' | 'commands'> | undefined, resource?: string): Method[] {
  if (!emulation) return [];
  const out: Method[] = [...emulation.methods, ...(Object.keys(emulation.commands ?? {}) as Method[])];
  if (resource === 'attachments' && !out.includes('download')) out.push('download');
  return out;
}
