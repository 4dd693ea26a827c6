import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEFAULT_TOKEN } from '../config.js';
import { methodOf, supportedMethods } from '../truto/methods.js';
import { INTEGRATIONS } from '../integrations/registry.js';
import type { Integration } from '../integrations/types.js';
import {
  AccountsInfoSchema,
  AdminIndexSchema,
  IndexSchema,
  type AccountInfo,
  type Index,
  type IntegrationInfo,
} from '../model/discovery.js';
import { ADMIN_PREFIX } from '../mock/scenarios.js';
import { DOCS_PREFIX, OPENAPI_PATH } from '../openapi.js';
import { loadFixtures, type AccountFixture } from '../seed/fixtures.js';
import { VERSION } from '../version.js';

const UNIFIED_PREFIX = '/unified/ats';
const ACCOUNTS_PATH = `${ADMIN_PREFIX}/accounts`;

/**
 * `/`, `/_mock` and `/_mock/accounts`: no address the banner or the README names is a dead end. What each
 * integration serves is read from the integration registry and the OpenAPI document (the routes as registered),
 * so it stays true as resources are added.
 */
export const discoveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Where to start: accounts, integrations and what each serves, links to the docs',
        description: 'JSON by default; an HTML page when the client accepts text/html (a browser).',
        tags: ['discovery'],
        response: {
          200: {
            description: 'The index',
            content: { 'application/json': { schema: IndexSchema }, 'text/html': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (request, reply) => {
      const index = indexOf(app, request);
      if (!wantsHtml(request)) return index;
      return reply.type('text/html; charset=utf-8').send(html(index));
    },
  );

  app.get(
    ADMIN_PREFIX,
    { schema: { summary: 'The admin API\'s routes', tags: ['mock admin'], response: { 200: AdminIndexSchema } } },
    async (request) => ({ routes: routesUnder(app, `${ADMIN_PREFIX}/`), docs: `${baseOf(request)}${DOCS_PREFIX}` }),
  );

  app.get(
    ACCOUNTS_PATH,
    {
      schema: {
        summary: 'The integrated accounts, their integrations and pinned ids, for a program',
        tags: ['mock admin'],
        response: { 200: AccountsInfoSchema },
      },
    },
    async () => ({ accounts: accountsOf(app), integrations: integrationsOf(app) }),
  );
};

function baseOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** A browser (text/html listed) gets the page; curl (`*\/*`) and programs get JSON. */
function wantsHtml(request: FastifyRequest): boolean {
  return /\btext\/html\b/.test(request.headers.accept ?? '');
}

interface DocumentPaths {
  paths?: Record<string, Record<string, { summary?: string }>>;
}

/** The documented routes under a prefix, in the document's order (hidden routes are not offered). */
function routesUnder(app: FastifyInstance, prefix: string): { method: string; path: string; summary: string }[] {
  const doc = app.swagger() as DocumentPaths;
  return Object.entries(doc.paths ?? {})
    .filter(([path]) => path.startsWith(prefix) && path !== ACCOUNTS_PATH)
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => ({ method: method.toUpperCase(), path, summary: op.summary ?? '' })),
    );
}

function integrationsOf(app: FastifyInstance): IntegrationInfo[] {
  return [...INTEGRATIONS.values()].map((integration: Integration) => ({
    name: integration.name,
    page_size: { ...integration.pageSize },
    resources: Object.entries(integration.resources).flatMap(([name, resource]) => {
      if (!resource) return [];
      // The unified routes of this resource that this integration's API offers: reads, then writes.
      const methods = supportedMethods(resource, name);
      const base = `${UNIFIED_PREFIX}/${name}`;
      const offered = (route: { method: string; path: string }) =>
        (methods as string[]).includes(methodOf(route.method, route.path === base ? undefined : route.path.slice(base.length + 1)) ?? '');
      return [
        {
          name,
          methods,
          routes: routesUnder(app, `${UNIFIED_PREFIX}/${name}`).filter(offered),
          required_filters: { list: [...resource.filters.required.list], get: [...resource.filters.required.get] },
        },
      ];
    }),
  }));
}

/**
 * The accounts served, with the pinned ids of the fixtures file. The file is read again (it is small) so that a
 * `--watch` reload shows; an account it no longer names keeps an empty pinned list.
 */
function accountsOf(app: FastifyInstance): AccountInfo[] {
  let pinned = new Map<string, AccountFixture>();
  try {
    pinned = new Map(loadFixtures(app.mock.config.fixtures).fixtures.accounts.map((a) => [a.id, a]));
  } catch {
    // A file broken since the start is the reload's to report; the served accounts are still worth listing.
  }
  return app.mock.accounts.list().map(({ row, integration }) => ({
    id: row.id,
    integration: integration.name,
    name: row.name,
    candidates: row.candidates,
    pinned: {
      candidates: (pinned.get(row.id)?.pinned?.candidates ?? []).map((c) => ({
        id: c.id,
        name: `${c.first_name} ${c.last_name}`,
        applications: (c.applications ?? []).flatMap((a) => (a.id === undefined ? [] : [a.id])),
        attachments: (c.attachments ?? []).flatMap((a) => (a.id === undefined ? [] : [a.id])),
      })),
    },
  }));
}

function indexOf(app: FastifyInstance, request: FastifyRequest): Index {
  const base = baseOf(request);
  const accounts = accountsOf(app);
  const first = accounts[0];
  const { tokens } = app.mock.config;
  return {
    name: 'truto-ats-mock',
    version: VERSION,
    description: "A local, deterministic stand-in for Truto's Unified ATS API",
    auth: tokens.includes(DEFAULT_TOKEN)
      ? `Authorization: Bearer ${DEFAULT_TOKEN}`
      : 'Authorization: Bearer <one of the tokens the mock was started with (--tokens)>',
    links: {
      docs: `${base}${DOCS_PREFIX}`,
      openapi: `${base}${OPENAPI_PATH}`,
      health: `${base}/health`,
      admin: `${base}${ADMIN_PREFIX}`,
      accounts: `${base}${ACCOUNTS_PATH}`,
    },
    try: first ? `${base}${UNIFIED_PREFIX}/candidates?integrated_account_id=${first.id}&limit=2` : `${base}${ACCOUNTS_PATH}`,
    accounts: accounts.map(({ pinned: _pinned, ...account }) => account),
    integrations: integrationsOf(app),
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(index: Index): string {
  const rows = index.accounts
    .map((a) => `<tr><td><code>${escape(a.id)}</code></td><td>${escape(a.integration)}</td><td>${escape(a.name)}</td><td>${a.candidates}</td></tr>`)
    .join('\n');
  const serves = index.integrations
    .map((i) => `<li><b>${escape(i.name)}</b>: ${i.resources.map((r) => r.routes.map((x) => `<code>${x.method} ${escape(x.path)}</code>`).join(', ')).join('; ')}</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>truto-ats-mock</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}td,th{padding:.2rem .8rem;text-align:left}code{font-size:90%}</style>
</head><body>
<h1>truto-ats-mock ${escape(index.version)}</h1>
<p>${escape(index.description)}. Every request to <code>/unified/ats</code> needs <code>${escape(index.auth)}</code>.</p>
<p><a href="${escape(index.links.docs)}">API docs (Swagger UI)</a> · <a href="${escape(index.links.openapi)}">OpenAPI document</a> ·
<a href="${escape(index.links.admin)}">admin API</a> · <a href="${escape(index.links.accounts)}">accounts and pinned ids (JSON)</a> ·
<a href="${escape(index.links.health)}">health</a></p>
<p>Try: <code>curl -H '${escape(index.auth)}' '${escape(index.try)}'</code></p>
<h2>Integrated accounts</h2>
<table><tr><th>integrated_account_id</th><th>integration</th><th>name</th><th>candidates</th></tr>
${rows}
</table>
<h2>What each integration serves</h2>
<ul>
${serves}
</ul>
</body></html>
`;
}
