import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';
import { z } from 'zod/v4';
import { formatBytes, type MultipartLimits } from './body/body-limits';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';
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
  /** A multipart upload route: its limits, and the media types its files must be. */
  upload?: { limits: MultipartLimits; types: Record<string, string> };
  /** Query parameters the route parses beside `locale`, as OpenAPI parameter fields. */
  query?: Record<string, QueryParameter>;
  /** Request headers the route reads (e.g. `Idempotency-Key`). */
  headers?: Record<string, QueryParameter>;
  /** Path parameters described beyond the default (a documentId for `id`). */
  pathParameters?: Record<string, QueryParameter>;
  /** What the route does, for the document's `description`. */
  description?: string;
  /** Refusals beyond the common ones, by status: e.g. a 409 for a transition not allowed. */
  refusals?: Record<number, string>;
}

/** `limit` and `cursor` of every keyset-paged list (lib/pagination.ts parses them). */
export const PAGE_PARAMETERS: Record<string, QueryParameter> = {
  limit: {
    description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  },
  cursor: {
    description: "The previous page's `meta.pagination.nextCursor`",
    schema: { type: 'string', maxLength: 200 },
  },
};

export interface QueryParameter {
  description: string;
  schema: Record<string, unknown>;
  required?: boolean;
}

type Operation = {
  description?: string;
  parameters?: Array<{
    in?: string;
    name?: string;
    required?: boolean;
    schema?: unknown;
    description?: string;
  }>;
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

const refusal = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBody } },
});

const UNSUPPORTED = refusal(
  'The body is not of a type this route takes (the content API reads `application/json` and ' +
    '`+json` types; the photo route also `multipart/form-data`); `error.details.accepted` lists them',
);

/** The multipart body of an upload route, from the limits the body middleware enforces. */
function uploadBody({ limits, types }: NonNullable<AppRoute['upload']>) {
  const names = Object.keys(types)
    .map((type) => type.replace('image/', '').toUpperCase())
    .map((name) => (name === 'WEBP' ? 'WebP' : name));
  const each = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}, by content`;
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: [limits.fileField],
          additionalProperties: false,
          properties: {
            [limits.fileField]: {
              type: 'array',
              minItems: 1,
              maxItems: limits.maxFiles,
              description:
                `1 to ${limits.maxFiles} images (${each}), each up to ` +
                `${formatBytes(limits.maxFileBytes)}; no other field or file part is taken`,
              items: {
                type: 'string',
                format: 'binary',
                maxLength: limits.maxFileBytes,
              },
            },
          },
        },
        // OpenAPI's way to list a part's accepted types (a comma-separated list).
        encoding: { [limits.fileField]: { contentType: Object.keys(types).join(', ') } },
      },
    },
  };
}

function uploadRefusals({ limits }: NonNullable<AppRoute['upload']>) {
  return {
    411: refusal('The multipart body does not declare its `Content-Length`'),
    413: refusal(
      `The body is over ${formatBytes(limits.maxBodyBytes)} (refused before it is read), or a ` +
        `file is over ${formatBytes(limits.maxFileBytes)}`,
    ),
    415: UNSUPPORTED,
  };
}

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
      // As Strapi's generator names parameters: `:token.ics` is `{token.ics}`.
      const path = route.path.replace(/:([\w.]+)/g, '{$1}');
      const operation = document.paths?.[path]?.[route.method.toLowerCase()];
      if (!operation) continue;
      // App routes refuse every query parameter they do not parse (lib/locales.ts), and
      // none parses more than `locale` from what Strapi's generator lists for a core route
      // (fields, populate, filters, ...).
      operation.parameters = [
        ...(operation.parameters ?? []).filter(
          (parameter) => parameter.in !== 'query' || parameter.name === 'locale',
        ),
        ...[...route.path.matchAll(/:([\w.]+)/g)]
          .map(([, name]) => name)
          .filter(
            (name) =>
              !operation.parameters?.some(
                (parameter) => parameter.in === 'path' && parameter.name === name,
              ),
          )
          .map((name) => ({
            in: 'path',
            name,
            required: true,
            description:
              route.pathParameters?.[name]?.description ??
              (name === 'id' ? 'The record’s id (its documentId)' : name),
            schema: route.pathParameters?.[name]?.schema ?? { type: 'string' },
          })),
        ...Object.entries(route.headers ?? {}).map(([name, parameter]) => ({
          in: 'header',
          name,
          required: parameter.required ?? false,
          description: parameter.description,
          schema: parameter.schema,
        })),
        ...Object.entries(route.query ?? {}).map(([name, parameter]) => ({
          in: 'query',
          name,
          required: parameter.required ?? false,
          description: parameter.description,
          schema: parameter.schema,
        })),
      ];
      if (route.description) operation.description = route.description;
      operation.responses = {
        ...operation.responses,
        400: {
          description: route.body ? BAD_BODY : BAD_REQUEST,
          content: { 'application/json': { schema: errorBody } },
        },
      };
      for (const [status, description] of Object.entries(route.refusals ?? {})) {
        operation.responses[status] = refusal(description);
      }
      if (route.upload) {
        operation.requestBody = uploadBody(route.upload);
        operation.responses = { ...operation.responses, ...uploadRefusals(route.upload) };
      }
      if (route.body) {
        operation.responses = { ...operation.responses, 415: UNSUPPORTED };
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
