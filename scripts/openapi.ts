/**
 * `npm run openapi [-- out.json]`: writes the OpenAPI document (the same one GET /openapi.json serves) to a file,
 * openapi.json by default, for contract tests and client generators.
 */
import { writeFileSync } from 'node:fs';
import { buildApp } from '../src/app.js';

const out = process.argv[2] ?? 'openapi.json';
const app = await buildApp({ db: ':memory:', candidates: 1, logLevel: 'silent' });
await app.ready();
const document = app.swagger();
await app.close();
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write(`${out}: OpenAPI ${String((document as { openapi?: string }).openapi)}, ${Object.keys(document.paths ?? {}).length} paths\n`);
