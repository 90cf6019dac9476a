const SENSITIVE_KEY =
  /pass(word)?|secret|token|authorization|cookie|jwt|api[-_]?key|signature|credential/i;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

export const REDACTED = '[redacted]';

/** Masks credentials that may hide inside a free-text string. */
export function redactString(value: string): string {
  return value.replace(BEARER, `$1 ${REDACTED}`).replace(JWT, REDACTED);
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
    return { name: value.name, message: redactString(value.message), stack: value.stack };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEY.test(key) ? REDACTED : redact(item, seen);
  }
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
  for (const key of Object.keys(record)) {
    record[key] = SENSITIVE_KEY.test(key) ? REDACTED : redact(record[key]);
  }
  return entry;
}
