import type { Core } from '@strapi/strapi';
import { z, type ZodRawShape, type ZodTypeAny } from 'zod';
import { parseOrThrow, validationError } from './validation';

const LOCALE_UID = 'plugin::i18n.locale';
/** How long one process trusts its copy; a change made through Strapi drops it at once. */
const TTL_MS = 60_000;

interface Locales {
  codes: Set<string>;
  defaultCode: string;
}

interface LocalesService {
  find(): Promise<Array<{ code: string }>>;
  getDefaultLocale(): Promise<string>;
}

const cached = new WeakMap<Core.Strapi, { loaded: Promise<Locales>; until: number }>();

/**
 * The configured locales, as Strapi i18n holds them in the database: a third language is a
 * row an admin adds, not a code change. Cached per process, so a check costs no query.
 */
export async function configuredLocales(strapi: Core.Strapi): Promise<Locales> {
  const hit = cached.get(strapi);
  if (hit && hit.until > Date.now()) return hit.loaded;
  const service = strapi.plugin('i18n').service('locales') as LocalesService;
  const loaded = Promise.all([service.find(), service.getDefaultLocale()]).then(
    ([rows, defaultCode]) => ({ codes: new Set(rows.map((row) => row.code)), defaultCode }),
  );
  cached.set(strapi, { loaded, until: Date.now() + TTL_MS });
  loaded.catch(() => cached.delete(strapi));
  return loaded;
}

/** Drops the cached locales whenever one is added, renamed or removed. */
export function forgetLocalesOnChange(strapi: Core.Strapi): void {
  const forget = () => {
    cached.delete(strapi);
  };
  strapi.db.lifecycles.subscribe({
    models: [LOCALE_UID],
    afterCreate: forget,
    afterUpdate: forget,
    afterDelete: forget,
    afterCreateMany: forget,
    afterUpdateMany: forget,
    afterDeleteMany: forget,
  });
}

/** Throws a 400 naming `field` unless `code` is a configured locale. */
export async function assertLocale(
  strapi: Core.Strapi,
  code: string,
  field = 'locale',
): Promise<void> {
  const { codes } = await configuredLocales(strapi);
  if (!codes.has(code)) {
    throw validationError([{ path: [field], message: `must be one of ${[...codes].join(', ')}` }]);
  }
}

/** A route without query parameters of its own. */
const NO_PARAMETERS: ZodRawShape = Object.freeze({});

/**
 * Each route's query schema, built once per shape (routes pass module constants) instead of
 * on every request: building a zod object is the larger part of checking a query.
 */
function schemaOnce<Shape extends ZodRawShape>(
  schemas: WeakMap<ZodRawShape, ZodTypeAny>,
  shape: Shape,
  build: (shape: Shape) => ZodTypeAny,
): ZodTypeAny {
  let schema = schemas.get(shape);
  if (!schema) {
    schema = build(shape);
    schemas.set(shape, schema);
  }
  return schema;
}

const querySchemas = new WeakMap<ZodRawShape, ZodTypeAny>();
const localeQuerySchemas = new WeakMap<ZodRawShape, ZodTypeAny>();

/**
 * A route's query: exactly the route's own parameters (none by default). Any other parameter
 * is a 400 naming it, as an unknown body field is: a misspelt `?limt=5` must not quietly
 * answer something else.
 */
export function parseQuery<Shape extends ZodRawShape>(
  query: unknown,
  shape: Shape = NO_PARAMETERS as Shape,
) {
  const schema = schemaOnce(querySchemas, shape, (own) => z.object(own).strict());
  return parseOrThrow(schema, query) as z.infer<z.ZodObject<Shape>>;
}

/**
 * A route's query: `locale` (checked against the configured locales, default the default
 * locale) and the route's own parameters; anything else is a 400 naming it (`parseQuery`).
 * Runs before anything is read or cached, so a junk locale never becomes a cache key.
 */
export async function parseLocaleQuery<Shape extends ZodRawShape>(
  strapi: Core.Strapi,
  query: unknown,
  shape: Shape = NO_PARAMETERS as Shape,
) {
  const schema = schemaOnce(localeQuerySchemas, shape, (own) =>
    z.object({ ...own, locale: z.string().max(35).optional() }).strict(),
  );
  const { locale, ...rest } = parseOrThrow(schema, query) as { locale?: string } & z.infer<
    z.ZodObject<Shape>
  >;
  const code = locale ?? (await configuredLocales(strapi)).defaultCode;
  await assertLocale(strapi, code);
  return { ...rest, locale: code } as z.infer<z.ZodObject<Shape>> & { locale: string };
}
