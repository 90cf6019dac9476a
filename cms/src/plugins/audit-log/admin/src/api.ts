/** What the plugin's read-only admin API (server/src/routes.ts) answers. */
export interface AuditEntry {
  id: number;
  actorKind: 'admin' | 'owner' | 'system';
  actorId: string | null;
  actorName: string | null;
  action: string;
  contentType: string | null;
  targetDocumentId: string | null;
  targetLocale: string | null;
  diff: Record<string, { before?: unknown; after?: unknown }> | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  hash: string;
  prevHash: string;
}

export interface EntryPage {
  results: AuditEntry[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}

/** The filters the API reads (server/src/query.ts parseFilters), as URL search params. */
export const FILTER_NAMES = ['actor', 'action', 'contentType', 'from', 'to'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Partial<Record<FilterName, string>>;

export const PAGE_SIZE = 25;

/** Every action the recorders write, for the action filter. */
export const ACTIONS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'entry.discard-draft',
  'media.upload',
  'media.update',
  'media.remove',
  'admin-user.create',
  'admin-user.update',
  'admin-user.delete',
  'admin-role.create',
  'admin-role.update',
  'admin-role.delete',
  'admin-permission.create',
  'admin-permission.update',
  'admin-permission.delete',
  'owner.block',
  'owner.unblock',
  'admin.sign-in',
  'admin.sign-in-failed',
  'audit.prune',
] as const;

export const filtersFrom = (params: URLSearchParams): Filters =>
  Object.fromEntries(
    FILTER_NAMES.flatMap((name) => {
      const value = params.get(name)?.trim();
      return value ? [[name, value]] : [];
    }),
  );

/** The API's query string for these filters (empty ones left out) and page. */
export function apiQuery(filters: Filters, page?: number): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]!);
  if (page !== undefined) {
    params.set('page', String(page));
    params.set('pageSize', String(PAGE_SIZE));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A diff value as text: JSON for objects, a marker for a value the entry does not have. */
export function showValue(value: unknown, absent: string): string {
  if (value === undefined) return absent;
  if (value === null) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
