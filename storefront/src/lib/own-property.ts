/**
 * A table's own entry for a key that came from outside (a form, a query, a CMS answer), or
 * undefined. Indexing a plain object would answer `constructor`, `__proto__` or `toString`
 * with what every object inherits.
 */
export function ownProperty<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
