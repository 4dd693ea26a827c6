import type { FastifySchemaValidationError } from 'fastify';
import { errors, type TrutoError } from './errors.js';

/** A schema validation failure, in Truto's words: the parameter named as the client wrote it. */
export function validationError(issues: FastifySchemaValidationError[], context: string): TrutoError {
  const missing = issues
    .filter((i) => i.keyword === 'required')
    .map((i) => paramName(`${i.instancePath}/${String((i.params as { missingProperty?: string }).missingProperty ?? '')}`));
  if (missing.length > 0 && context === 'querystring') return errors.missingQuery(missing);
  const issue = issues[0]!;
  const name = (context === 'body' ? issue.instancePath.split('/').filter(Boolean).join('.') : paramName(issue.instancePath)) || context;
  if (context === 'body') return errors.invalidBody(name, describe(issue));
  return context === 'params' ? errors.invalidPathParameter(name, describe(issue)) : errors.invalidQuery(name, describe(issue));
}

/** `/created_at/gt` → `created_at[gt]`, `/truto_exclude_fields/0` → `truto_exclude_fields[0]`. */
function paramName(path: string): string {
  const [head, ...rest] = path.split('/').filter(Boolean);
  return (head ?? '') + rest.map((p) => `[${p}]`).join('');
}

function describe(issue: FastifySchemaValidationError): string {
  const params = issue.params as Record<string, unknown>;
  switch (issue.keyword) {
    case 'type':
      return params.type === 'integer'
        ? 'must be a whole number'
        : params.type === 'boolean'
          ? 'must be true or false'
          : params.type === 'array'
            ? 'must be a list'
            : params.type === 'object'
              ? 'must be an object, as in name[key]=value'
              : `must be a single ${String(params.type)} value`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as string[]).join(', ')}`;
    case 'minLength':
      return 'must not be empty';
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    default:
      return issue.message ?? 'is not valid';
  }
}
