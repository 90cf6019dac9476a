const SENSITIVE_KEY =
  /pass(word)?|secret|token|authorization|cookie|jwt|api[-_]?key|signature|credential/i;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

export const REDACTED = '[redacted]';
export const REDACTED_BODY = '[redacted request body]';

/** A field that may hold a request body as it came (co-body puts it in a parse error's `body`). */
const BODY_KEY = /^(raw|request|req|unparsed)?[-_]?(body|payload)$|^raw$/i;

const CREDENTIAL = String.raw`[\w.\[\]%-]*(?:pass(?:word)?|secret|token|jwt|api[-_]?key|signature|credential|code)[\w.\[\]%-]*`;
/**
 * Text that reads like a request body carrying a credential: a JSON key (escaped or not), a
 * form pair, or a multipart part named like one; or V8's quote of JSON it could not parse.
 */
const BODY_WITH_CREDENTIAL = [
  new RegExp(String.raw`\\?"${CREDENTIAL}\\?"\s*:`, 'i'),
  new RegExp(String.raw`(?:^|[&?;\s])${CREDENTIAL}=`, 'i'),
  new RegExp(String.raw`name=\\?"${CREDENTIAL}\\?"`, 'i'),
  /" is not valid JSON/,
];

/** True for a string that may be (part of) a request body carrying a credential. */
export function looksLikeCredentialBody(value: string): boolean {
  return BODY_WITH_CREDENTIAL.some((pattern) => pattern.test(value));
}

/**
 * Masks credentials that may hide inside a free-text string; a string that reads like a
 * request body carrying one is masked whole (its values cannot be told apart reliably).
 */
export function redactString(value: string): string {
  if (looksLikeCredentialBody(value)) return REDACTED_BODY;
  return value.replace(BEARER, `$1 ${REDACTED}`).replace(JWT, REDACTED);
}

/** The logged form of property `key`: credentials and raw bodies are masked. */
function redactProperty(key: string, item: unknown, seen: WeakSet<object>): unknown {
  if (SENSITIVE_KEY.test(key)) return REDACTED;
  // A body as it came (a string or bytes) is never logged; a parsed one is, its secrets masked.
  if (BODY_KEY.test(key) && (typeof item === 'string' || Buffer.isBuffer(item))) {
    return REDACTED_BODY;
  }
  return redact(item, seen);
}

/**
 * Returns a copy of `value` where every property named like a credential is masked and
 * every string is scrubbed of bearer tokens and JWTs. Cycles are cut, not followed.
 */
export function redact(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  if (value instanceof Error) {
    // The stack's first line repeats the message.
    return {
      name: value.name,
      message: redactString(value.message),
      stack: value.stack && redactString(value.stack),
    };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactProperty(key, item, seen);
  return copy;
}

/** True for a route or query parameter whose value must never be logged. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_KEY.test(name) || /^(code|key)$/i.test(name);
}

/**
 * Redacts a log entry in place, keeping its symbol-keyed metadata (winston stores the
 * level and the formatted message under symbols).
 */
export function redactEntry<T extends Record<string, unknown>>(entry: T): T {
  const record = entry as Record<string, unknown>;
  const seen = new WeakSet<object>();
  for (const key of Object.keys(record)) record[key] = redactProperty(key, record[key], seen);
  return entry;
}
