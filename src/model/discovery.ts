import { Type, type Static } from '@sinclair/typebox';

/** What `/`, `/_mock` and `/_mock/accounts` answer: where to go next, for a person or a program. */

const Route = Type.Object({
  method: Type.String({ examples: ['GET'] }),
  path: Type.String({ examples: ['/unified/ats/candidates/{id}'] }),
  summary: Type.String(),
});

export const ResourceInfoSchema = Type.Object({
  name: Type.String({ examples: ['candidates'] }),
  methods: Type.Array(Type.String(), { description: 'What this integration\'s API offers on it: reads (list, get), then writes (create, move-stage, reject, download)', examples: [['list', 'get', 'move-stage']] }),
  routes: Type.Array(Route, { description: 'Its unified routes this integration serves (others answer Truto\'s "does not support" 404)' }),
  required_filters: Type.Object(
    { list: Type.Array(Type.String()), get: Type.Array(Type.String()) },
    { description: 'Query parameters this integration requires, beyond integrated_account_id (a 400 without them)' },
  ),
});

export const IntegrationInfoSchema = Type.Object({
  name: Type.String({ examples: ['greenhouse'] }),
  page_size: Type.Object({ default: Type.Integer(), max: Type.Integer() }),
  resources: Type.Array(ResourceInfoSchema),
});

const PinnedCandidate = Type.Object({
  id: Type.String({ description: 'The unified id: what GET /unified/ats/candidates/{id} takes', examples: ['9000001003'] }),
  name: Type.String({ examples: ['Ada Lovelace'] }),
  applications: Type.Array(Type.String(), { description: 'Pinned application ids' }),
  attachments: Type.Array(Type.String(), { description: 'Pinned attachment ids' }),
});

export const AccountInfoSchema = Type.Object({
  id: Type.String({ description: 'The integrated_account_id', examples: ['62f44730-dd91-461e-bd6a-aedd9e0ad79d'] }),
  integration: Type.String({ examples: ['greenhouse'] }),
  name: Type.String({ examples: ['Acme Robotics (Greenhouse)'] }),
  candidates: Type.Integer({ description: 'Candidates served by this account' }),
  pinned: Type.Object({ candidates: Type.Array(PinnedCandidate) }, { description: 'Records with well-known ids, from the fixtures file' }),
});

export const AccountsInfoSchema = Type.Object({
  accounts: Type.Array(AccountInfoSchema),
  integrations: Type.Array(IntegrationInfoSchema),
});

export const IndexSchema = Type.Object({
  name: Type.Literal('truto-ats-mock'),
  version: Type.String(),
  description: Type.String(),
  auth: Type.String({ description: 'How the unified API is authenticated' }),
  links: Type.Object({
    docs: Type.String({ description: 'Swagger UI' }),
    openapi: Type.String({ description: 'The OpenAPI 3.1 document' }),
    health: Type.String(),
    admin: Type.String({ description: 'The admin API of the test scenarios: reset, journal, rules' }),
    accounts: Type.String({ description: 'Accounts, integrations and pinned ids, for a program' }),
  }),
  try: Type.String({ description: 'A first request that answers 200' }),
  accounts: Type.Array(Type.Omit(AccountInfoSchema, ['pinned'])),
  integrations: Type.Array(IntegrationInfoSchema),
});

export const AdminIndexSchema = Type.Object({
  routes: Type.Array(Route, { description: 'The admin API\'s routes, as the OpenAPI document lists them' }),
  docs: Type.String(),
});

export type ResourceInfo = Static<typeof ResourceInfoSchema>;
export type IntegrationInfo = Static<typeof IntegrationInfoSchema>;
export type AccountInfo = Static<typeof AccountInfoSchema>;
export type Index = Static<typeof IndexSchema>;
