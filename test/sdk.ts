import qs from 'qs';

/**
 * The request path of Truto's official TypeScript SDK (`@truto/truto-ts-sdk` 2.0.12, trutohq/truto-ts-sdk), written
 * again line for line because the package cannot be a dependency here (the registry this project reaches does not
 * serve it). Sources: `src/apiClient.ts` (`request`, `parseResponseBody`, `list`, `get`), `src/pagination.ts`
 * (`Cursor`), `src/resources/unifiedApi.ts` (`list`, `get`; `create` and `customMethod` as seen on the wire, reference/truto-surface.md §3), `src/errors.ts`. One departure: `sleep` can be passed
 * to the client, so a test does not wait out a `Retry-After` (the SDK always sleeps with setTimeout).
 */

const VERSION = '2.0.12';

export class TrutoError extends Error {
  constructor(
    message: string,
    public statusCode: number,
    public statusText: string,
    public response?: Response,
    public data?: unknown,
  ) {
    super(message);
    this.name = 'TrutoError';
  }
}

export class TrutoTimeoutError extends TrutoError {
  constructor(message = 'Request timed out') {
    super(message, 408, 'Request Timeout');
    this.name = 'TrutoTimeoutError';
  }
}

export interface ApiClientRequestOptions {
  retryStatusCodes?: number[];
  defaultRetryAfter?: number;
  maxRetries?: number;
  timeout?: number;
  headers?: Record<string, string>;
}

export interface TrutoApiOptions {
  baseUrl?: string;
  token: string;
  /** Not in the SDK: how it waits before resending a 429 (default: setTimeout, as the SDK does). */
  sleep?: (ms: number) => Promise<void>;
}

/** What `Cursor` needs of p-queue's `PQueue`. */
export interface Queue {
  add<T>(fn: () => Promise<T>): Promise<T>;
}

const isPlainObject = (v: unknown) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

export class ApiClient {
  private baseUrl: string;
  private token: string;
  private sleep: (ms: number) => Promise<void>;

  constructor(options: TrutoApiOptions) {
    this.baseUrl = options.baseUrl || 'https://api.truto.one';
    this.token = options.token;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** JSON only when the content type says `json`; anything else is handed back as a Blob. */
  async parseResponseBody<T>(response: Response): Promise<T> {
    if (response.status === 204) return {} as T;
    const contentType = response.headers.get('content-type');
    if (contentType?.includes('json')) return (await response.json()) as T;
    return (await response.blob()) as unknown as T;
  }

  /**
   * The SDK's retry loop: `maxRetries` (3) counts every request, the first included, so a status that keeps
   * failing is sent three times in all; a 429 waits `Retry-After` seconds (parseInt; 0 or NaN: no retry).
   */
  async request<T>(endpoint: string, init?: ApiClientRequestOptions & { body?: unknown; method?: string }): Promise<T> {
    const retryStatusCodes = [...new Set([408, 409, 425, 429, 502, 503, 504, ...(init?.retryStatusCodes ?? [])])];
    const defaultRetryAfter = init?.defaultRetryAfter || 10;
    const maxRetries = init?.maxRetries || 3;
    const timeout = init?.timeout || 30;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.token}`,
      ...init?.headers,
      'User-Agent': `truto-ts-sdk/${VERSION}`,
    };
    if (isPlainObject(init?.body) || Array.isArray(init?.body)) headers['Content-Type'] = 'application/json';

    let retryCount = 0;
    let response: Response;
    do {
      // A plain object goes as JSON; a FormData as it is (fetch writes the multipart body and its boundary).
      const body = isPlainObject(init?.body) || Array.isArray(init?.body) ? JSON.stringify(init!.body) : init?.body;
      response = await withTimeout(fetch(`${this.baseUrl}${endpoint}`, { ...init, ...(body !== undefined ? { body } : {}), headers } as RequestInit), timeout * 1000);
      if (!response.ok) {
        if (retryStatusCodes.includes(response.status)) {
          if (response.status === 429) {
            const retryAfterHeader = response.headers.get('retry-after');
            const retryAfter = retryAfterHeader ? parseInt(retryAfterHeader) : defaultRetryAfter;
            if (retryAfter) {
              await this.sleep(retryAfter * 1000);
              retryCount++;
              continue;
            }
          } else {
            retryCount++;
            continue;
          }
        }
        break;
      }
      return this.parseResponseBody<T>(response);
    } while (retryCount < maxRetries);

    throw new TrutoError(response.statusText, response.status, response.statusText, response, await this.parseResponseBody(response));
  }

  list<T>(resource: string, queryParams?: Record<string, unknown>, init?: ApiClientRequestOptions) {
    return this.request<{ result: T[]; next_cursor: string | null }>(`/${resource}?${qs.stringify(queryParams)}`, init);
  }

  get<T>(resource: string, id: string, queryParams?: Record<string, unknown>, init?: ApiClientRequestOptions) {
    return this.request<T>(`/${resource}/${encodeURIComponent(id)}?${qs.stringify(queryParams)}`, init);
  }

  create<T>(resource: string, body: unknown, queryParams?: Record<string, unknown>, init?: ApiClientRequestOptions) {
    return this.request<T>(`/${resource}?${qs.stringify(queryParams)}`, { ...init, method: 'POST', body });
  }

  customMethod<T>(resource: string, method: string, body: unknown, queryParams?: Record<string, unknown>, init?: ApiClientRequestOptions) {
    return this.request<T>(`/${resource}/${method}?${qs.stringify(queryParams)}`, { ...init, method: 'POST', body });
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TrutoTimeoutError()), ms);
  });
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export class Cursor<T> {
  private nextCursor: string;

  constructor(
    private apiClient: ApiClient,
    private resource: string,
    private options: Record<string, unknown> = {},
    private init?: ApiClientRequestOptions,
    private queue?: Queue,
  ) {
    this.init = structuredClone(init);
    this.nextCursor = (options.next_cursor as string | undefined) || '';
  }

  private queueOrExecute<R>(fn: () => Promise<R>): Promise<R> {
    return this.queue ? this.queue.add(fn) : fn();
  }

  /** The first record of the first page; sends no `next_cursor`. */
  first(): Promise<T> {
    return this.queueOrExecute(async () => (await this.apiClient.list<T>(this.resource, this.options, this.init)).result?.[0] as T);
  }

  async toArray(): Promise<T[]> {
    let items: T[] = [];
    do {
      const response = await this.next();
      items = items.concat(response.items);
    } while (this.nextCursor);
    return items;
  }

  /** One page; the first sends `next_cursor=` (empty), each next one the cursor it was given. */
  next(): Promise<{ items: T[]; nextCursor: string }> {
    return this.queueOrExecute(async () => {
      const response = await this.apiClient.list<T>(this.resource, { ...this.options, next_cursor: this.nextCursor }, this.init);
      this.nextCursor = response.next_cursor || '';
      return { items: response.result, nextCursor: this.nextCursor };
    });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    do {
      const response = await this.next();
      for (const item of response.items) yield item;
      this.nextCursor = response.nextCursor;
    } while (this.nextCursor);
  }
}

type UnifiedOptions = { unified_model: string; resource: string; integrated_account_id: string; [key: string]: unknown };

const withoutTarget = ({ unified_model: _m, resource: _r, ...rest }: UnifiedOptions) => rest;

export class UnifiedApi {
  constructor(private apiClient: ApiClient) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  list(options: UnifiedOptions, init?: ApiClientRequestOptions, queue?: Queue): Cursor<any> {
    return new Cursor(this.apiClient, `unified/${options.unified_model}/${options.resource}`, withoutTarget(options), init, queue);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get(id: string, options: UnifiedOptions, init?: ApiClientRequestOptions): Promise<any> {
    return this.apiClient.get(`unified/${options.unified_model}/${options.resource}`, id, withoutTarget(options), init);
  }

  /** `POST /unified/<model>/<resource>?…`: a JSON body, or a FormData (with `truto_body_passthrough: true`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create(body: unknown, options: UnifiedOptions, init?: ApiClientRequestOptions): Promise<any> {
    return this.apiClient.create(`unified/${options.unified_model}/${options.resource}`, body, withoutTarget(options), init);
  }

  /** `POST /unified/<model>/<resource>/<method>?…` (`move-stage`, `reject`, `download`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  customMethod(method: string, body: unknown, options: UnifiedOptions, init?: ApiClientRequestOptions): Promise<any> {
    return this.apiClient.customMethod(`unified/${options.unified_model}/${options.resource}`, method, body, withoutTarget(options), init);
  }
}

/** `import TrutoApi from '@truto/truto-ts-sdk'`: the unified API part. */
export default class TrutoApi {
  public apiClient: ApiClient;
  public unifiedApi: UnifiedApi;

  constructor(options: TrutoApiOptions) {
    this.apiClient = new ApiClient(options);
    this.unifiedApi = new UnifiedApi(this.apiClient);
  }
}
