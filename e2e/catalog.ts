import type { APIRequestContext } from '@playwright/test';
import { cms } from './admin';

interface Listed {
  id: string;
  slug: string;
}

/** A make's and one of its models' ids, by slug, from the public catalog API. */
export async function catalogIds(request: APIRequestContext, makeSlug: string, modelSlug: string) {
  const makes = (await (await request.get(cms('/api/catalog/makes'))).json()) as { data: Listed[] };
  const make = makes.data.find((candidate) => candidate.slug === makeSlug)!;
  const models = (await (
    await request.get(cms(`/api/catalog/makes/${make.id}/models`))
  ).json()) as { data: Listed[] };
  return { makeId: make.id, modelId: models.data.find((model) => model.slug === modelSlug)!.id };
}
