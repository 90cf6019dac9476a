import { z } from 'astro/zod';
import type { CmsApi, CmsCallContext, CmsResult } from '~/lib/cms-api';

const make = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  country: z.string().nullish(),
});

const model = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  vehicleType: z.string(),
  fuelTypes: z.array(z.string()).default([]),
  yearFrom: z.number().int(),
  yearTo: z.number().int().nullish(),
  isEv: z.boolean().default(false),
});

const modelDetail = model.extend({
  make: make.pick({ id: true, slug: true, name: true }),
  trims: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })).default([]),
  defaultImageUrl: z.string().nullish(),
});

const makesBody = z.object({ data: z.array(make) });
const modelsBody = z.object({ data: z.array(model) });
const modelBody = z.object({ data: modelDetail });

/** A make of the public catalog, named in the requested language. */
export type CatalogMake = z.infer<typeof make>;

/** A model of a make: its vehicle type, fuels and the years it was sold. */
export type CatalogModel = z.infer<typeof model>;

/** A model with its make, trims (in catalog order) and default image. */
export type CatalogModelDetail = z.infer<typeof modelDetail>;

/** The public catalog routes (`/api/catalog/...`), typed. */
export interface CatalogApi {
  makes(locale: string, context: CmsCallContext): Promise<CmsResult<CatalogMake[]>>;
  modelsOfMake(
    makeId: string,
    locale: string,
    context: CmsCallContext,
  ): Promise<CmsResult<CatalogModel[]>>;
  model(
    modelId: string,
    locale: string,
    context: CmsCallContext,
  ): Promise<CmsResult<CatalogModelDetail>>;
}

/** Binds the catalog routes to a CMS caller; ids are path-encoded, the locale is a query. */
export function createCatalogApi(call: CmsApi): CatalogApi {
  const get = async <T>(
    path: string,
    locale: string,
    schema: z.ZodType<{ data: T }, z.ZodTypeDef, unknown>,
    context: CmsCallContext,
  ): Promise<CmsResult<T>> => {
    const query = new URLSearchParams({ locale });
    const result = await call({ method: 'GET', path: `${path}?${query}`, schema, context });
    return result.ok ? { ok: true, data: result.data.data } : result;
  };

  return {
    makes: (locale, context) => get('/api/catalog/makes', locale, makesBody, context),
    modelsOfMake: (makeId, locale, context) =>
      get(`/api/catalog/makes/${encodeURIComponent(makeId)}/models`, locale, modelsBody, context),
    model: (modelId, locale, context) =>
      get(`/api/catalog/models/${encodeURIComponent(modelId)}`, locale, modelBody, context),
  };
}
