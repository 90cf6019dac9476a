import { z } from 'astro/zod';

const errorBody = z.object({
  error: z.object({
    status: z.number().optional(),
    name: z.string().optional(),
    message: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

/** Why a CMS call did not succeed, in a shape a form can turn into a message. */
export type CmsProblem =
  | { kind: 'unreachable'; reason: string }
  | { kind: 'invalid-response'; status: number; reason: string }
  | {
      kind: 'rejected';
      status: number;
      name?: string;
      message?: string;
      details?: unknown;
      /** From `Retry-After`, in seconds, when the CMS sent one (429). */
      retryAfterSeconds?: number;
    };

/** The outcome of one CMS call: its parsed data, or what went wrong. */
export type CmsResult<T> = { ok: true; data: T } | { ok: false; problem: CmsProblem };

/** Per-request details forwarded to the CMS. */
export interface CmsCallContext {
  requestId: string;
  /** The visitor's address, so the CMS rate-limits visitors rather than the portal. */
  clientAddress?: string;
}

export interface CmsCall<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  context: CmsCallContext;
  /** Sent as JSON; a `FormData` is sent as it is, as `multipart/form-data`. */
  body?: unknown;
  /** Access token sent as `Authorization: Bearer`. */
  token?: string;
  /** Overrides the client's timeout, for calls that carry files. */
  timeoutMs?: number;
  /** Extra request headers a route defines, such as `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/** One request as the client hands it to a transport. */
export interface CmsRequest {
  method: CmsCall<unknown>['method'];
  headers: Record<string, string>;
  /** JSON text, or a form of files (its Content-Type, with the boundary, set by the sender). */
  body?: string | FormData;
  /** The whole exchange, answer read, gives up after this long (a `TimeoutError`). */
  timeoutMs: number;
}

/** What the client reads of an answer: its status, a header, and its body as JSON. */
export interface CmsReply {
  status: number;
  header(name: string): string | null;
  /** The body parsed as JSON; rejects when it is not JSON. */
  json(): Promise<unknown>;
}

/** Sends one request to the CMS; rejects when there is no answer (refused, timed out). */
export type CmsTransport = (url: URL, request: CmsRequest) => Promise<CmsReply>;

/** A transport over `fetch` (the WHATWG one, or a stand-in a unit test gives). */
export function fetchTransport(fetchImpl: typeof fetch = fetch): CmsTransport {
  return async (url, { method, headers, body, timeoutMs }) => {
    const response = await fetchImpl(url, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return {
      status: response.status,
      header: (name) => response.headers.get(name),
      json: () => response.json(),
    };
  };
}

export interface CmsApiOptions {
  baseUrl: string;
  timeoutMs?: number;
  /** How requests travel; `fetch` (below, or the global one) when not given. */
  transport?: CmsTransport;
  /** The `fetch` a transport over fetch uses (unit tests pass a stand-in). */
  fetch?: typeof fetch;
  /** Told about every failed call, for logging; it never sees bodies or tokens. */
  onProblem?: (problem: CmsProblem & { path: string; requestId: string }) => void;
}

/** Sends one call to the CMS (JSON, or a multipart form) and never throws. */
export type CmsApi = <T>(call: CmsCall<T>) => Promise<CmsResult<T>>;

/**
 * Seconds to wait from a `Retry-After` value, which is either a number of seconds or an
 * HTTP date; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

async function readProblem(response: CmsReply): Promise<CmsProblem> {
  const retryAfterSeconds = parseRetryAfter(response.header('retry-after'));
  const parsed = errorBody.safeParse(await response.json().catch(() => null));
  const error = parsed.success ? parsed.data.error : {};
  return { kind: 'rejected', status: response.status, ...error, retryAfterSeconds };
}

function headersFor(call: CmsCall<unknown>): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-request-id': call.context.requestId,
  };
  // A multipart body's Content-Type names its boundary: the sender sets it.
  if (call.body !== undefined && !(call.body instanceof FormData)) {
    headers['content-type'] = 'application/json';
  }
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.context.clientAddress) headers['x-forwarded-for'] = call.context.clientAddress;
  for (const [name, value] of Object.entries(call.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

function bodyOf(call: CmsCall<unknown>): string | FormData | undefined {
  if (call.body === undefined || call.body instanceof FormData) return call.body;
  return JSON.stringify(call.body);
}

/**
 * Creates the function the portal's server code calls the CMS with. Calls time out (5 s by
 * default); a refusal keeps Strapi's error (status, name, message, details) so forms can say
 * which field is wrong.
 */
export function createCmsApi({
  baseUrl,
  timeoutMs = 5000,
  transport,
  fetch: fetchImpl,
  onProblem = () => {},
}: CmsApiOptions): CmsApi {
  const send = transport ?? fetchTransport(fetchImpl);
  return async <T>(call: CmsCall<T>): Promise<CmsResult<T>> => {
    const fail = (problem: CmsProblem): CmsResult<T> => {
      onProblem({ ...problem, path: call.path, requestId: call.context.requestId });
      return { ok: false, problem };
    };
    let response: CmsReply;
    try {
      response = await send(new URL(call.path, baseUrl), {
        method: call.method,
        headers: headersFor(call),
        body: bodyOf(call),
        timeoutMs: call.timeoutMs ?? timeoutMs,
      });
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return fail({ kind: 'unreachable', reason });
    }
    if (response.status < 200 || response.status > 299) return fail(await readProblem(response));
    const parsed = call.schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      return fail({
        kind: 'invalid-response',
        status: response.status,
        reason: parsed.error.message,
      });
    }
    return { ok: true, data: parsed.data };
  };
}
