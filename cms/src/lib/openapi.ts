import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';
import { z } from 'zod/v4';
import { ENVELOPE_MESSAGE } from './validation';

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

interface AppRoute {
  method: string;
  path: string;
  /** The `zod/v4` schema a controller checks `data` of `{ data: { … } }` against. */
  body?: z.ZodType;
}

type Operation = {
  parameters?: Array<{ in?: string; name?: string }>;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};
type Document = { paths?: Record<string, Record<string, Operation>> };

/** Strapi's error shape, as every 400 of this app answers it. */
const errorBody = z.toJSONSchema(
  z.object({
    data: z.null(),
    error: z.object({
      status: z.number(),
      name: z.string(),
      message: z.string(),
      details: z.object({
        errors: z
          .array(z.object({ path: z.array(z.string()), message: z.string(), name: z.string() }))
          .optional(),
      }),
    }),
  }),
  { target: 'draft-2020-12' },
);

const BAD_REQUEST =
  'Invalid request; `error.details.errors[].path` names each failing field or query ' +
  'parameter: an unknown query parameter, a `locale` that is not configured, an invalid value';
const BAD_BODY = `${BAD_REQUEST}, a body that is not \`{ data: { … } }\` (\`${ENVELOPE_MESSAGE}\`, path \`data\`), or a field \`data\` does not have`;

/**
 * Describes this app's own routes where Strapi's generator cannot: the `{ data: { … } }`
 * request bodies, generated from the very schemas the controllers validate with (their input
 * side, strict: `additionalProperties: false`), and the 400 every route answers.
 */
function describeAppRoutes(strapi: Core.Strapi, document: Document): void {
  for (const api of Object.values(strapi.apis)) {
    const routes = Object.values(api.routes as Record<string, { routes?: AppRoute[] }>).flatMap(
      (router) => router.routes ?? [],
    );
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths?.[path]?.[route.method.toLowerCase()];
      if (!operation) continue;
      // App routes refuse every query parameter they do not parse (lib/locales.ts), and
      // none parses more than `locale` from what Strapi's generator lists for a core route
      // (fields, populate, filters, ...).
      operation.parameters = operation.parameters?.filter(
        (parameter) => parameter.in !== 'query' || parameter.name === 'locale',
      );
      operation.responses = {
        ...operation.responses,
        400: {
          description: route.body ? BAD_BODY : BAD_REQUEST,
          content: { 'application/json': { schema: errorBody } },
        },
      };
      if (route.body) {
        operation.requestBody = {
          required: true,
          content: {
            'application/json': {
              schema: z.toJSONSchema(z.object({ data: route.body }).strict(), {
                target: 'draft-2020-12',
                io: 'input',
              }),
            },
          },
        };
      }
    }
  }
}

/**
 * The OpenAPI document of the content API as this build of the CMS serves it. Stable for
 * the same code: nothing in it depends on the environment or the time.
 */
export function contentApiDocument(strapi: Core.Strapi): unknown {
  const { document } = generate(strapi, { type: 'content-api' });
  const copy = JSON.parse(JSON.stringify(document)) as Document;
  describeAppRoutes(strapi, copy);
  return withoutTimestampDefaults(copy);
}
