import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';

/** Where the checked-in OpenAPI document of the content API lives, relative to cms/. */
export const OPENAPI_DOCUMENT_PATH = 'openapi/content-api.json';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Drops defaults that are the generation time (e.g. `publishedAt`), which change each run. */
function withoutTimestampDefaults(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutTimestampDefaults);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(
        ([key, value]) =>
          !(key === 'default' && typeof value === 'string' && ISO_TIMESTAMP.test(value)),
      )
      .map(([key, value]) => [key, withoutTimestampDefaults(value)]),
  );
}

/**
 * The OpenAPI document of the content API as this build of the CMS serves it. Stable for
 * the same code: nothing in it depends on the environment or the time.
 */
export function contentApiDocument(strapi: Core.Strapi): unknown {
  const { document } = generate(strapi, { type: 'content-api' });
  return withoutTimestampDefaults(JSON.parse(JSON.stringify(document)));
}
