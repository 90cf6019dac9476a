type Catalog = Record<string, unknown>;

function isCatalog(value: unknown): value is Catalog {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Lists the dotted paths of every message (leaf) in a catalog, e.g. `home.features.title`.
 */
export function messageKeys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([name, value]) => {
    const key = prefix ? `${prefix}.${name}` : name;
    return isCatalog(value) ? messageKeys(value, key) : [key];
  });
}

/**
 * For each locale, lists (sorted) the message keys that some other locale has and it lacks.
 * A locale whose catalog is complete maps to an empty list.
 */
export function findMissingKeys(catalogs: Record<string, object>): Record<string, string[]> {
  const keysByLocale = Object.entries(catalogs).map(
    ([locale, catalog]) => [locale, new Set(messageKeys(catalog))] as const,
  );
  const allKeys = new Set(keysByLocale.flatMap(([, keys]) => [...keys]));
  return Object.fromEntries(
    keysByLocale.map(([locale, keys]) => [
      locale,
      [...allKeys].filter((key) => !keys.has(key)).sort(),
    ]),
  );
}

/**
 * Reads the message at a dotted path, or undefined when the path does not lead to a string.
 */
export function lookupMessage(catalog: object, key: string): string | undefined {
  let node: unknown = catalog;
  for (const name of key.split('.')) {
    if (!isCatalog(node)) return undefined;
    node = node[name];
  }
  return typeof node === 'string' ? node : undefined;
}
