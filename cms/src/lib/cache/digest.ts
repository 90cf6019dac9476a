import { createHash } from 'node:crypto';

const digests = new WeakMap<object, string>();

/** Maps and Sets as arrays of their entries, so two equal ones serialise alike. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value.values()];
  return value;
}

/**
 * A digest of a value's content (its JSON, Maps and Sets included), computed once per object:
 * for reads kept in process, which hand out the same object until they reload. Equal content
 * gives an equal digest in every process, so two instances agree without talking.
 */
export function contentDigest(value: object): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(value, plain)).digest('base64url');
    digests.set(value, digest);
  }
  return digest;
}
