/** What a secret's value is replaced with; its change is still recorded. */
export const MASK = '[masked]';

/**
 * Field names whose values are never written to the log. Broad on purpose: a false positive
 * hides one value, a false negative leaks a credential into an append-only table.
 */
const SECRET_NAME =
  /pass(word)?|token|secret|salt|hash|api_?key|private_?key|credential|otp|totp|recovery_?code/i;

type Attributes = Record<string, { type?: string; private?: boolean } | undefined>;

export function isSecretField(name: string, attribute?: { type?: string; private?: boolean }) {
  return attribute?.type === 'password' || SECRET_NAME.test(name);
}

/** Fields Strapi maintains itself: their change is not the actor's. */
const BOOKKEEPING = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'localizations',
]);

const comparable = (value: unknown): string => {
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value ?? null);
};

/** A JSON value with every secret-named key masked, at any depth. */
function maskDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDeep);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      isSecretField(key) ? MASK : maskDeep(item),
    ]),
  );
}

/** Relations and media as their ids, so a diff never carries a whole related row. */
function simplify(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(simplify);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('documentId' in record) return record.documentId;
    if ('id' in record && Object.keys(record).length <= 3) return record.id;
    return maskDeep(record);
  }
  return value;
}

/**
 * The fields `data` touched, before and after, with secrets masked. A field whose value did
 * not change is left out; `before` undefined means a create, `after` undefined a delete.
 */
export function diffFields(
  data: Record<string, unknown> | undefined,
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  attributes: Attributes = {},
): Record<string, { before?: unknown; after?: unknown }> {
  const names = new Set<string>(Object.keys(data ?? {}));
  if (!data) {
    for (const name of Object.keys(before ?? after ?? {})) names.add(name);
  }
  const changes: Record<string, { before?: unknown; after?: unknown }> = {};
  for (const name of names) {
    if (BOOKKEEPING.has(name)) continue;
    const attribute = attributes[name];
    if (data === undefined && attribute?.type && ['relation', 'media'].includes(attribute.type))
      continue;
    const was = before ? simplify(before[name]) : undefined;
    const now = after && name in after ? simplify(after[name]) : simplify(data?.[name]);
    if (before && after !== null && comparable(was) === comparable(now)) continue;
    const secret = isSecretField(name, attribute);
    const change: { before?: unknown; after?: unknown } = {};
    if (before) change.before = secret ? MASK : (was ?? null);
    if (after !== null) change.after = secret ? MASK : (now ?? null);
    changes[name] = change;
  }
  return changes;
}
