import type { APIContext } from 'astro';
import { defaultLocale, parseLocale, type Locale } from '~/i18n';
import type { CmsResult } from '~/lib/cms-api';
import { callContextOf } from '~/features/auth/auth.server';
import { catalogApi } from './catalog-api.server';

type ProxyContext = Pick<APIContext, 'url' | 'params' | 'locals' | 'clientAddress'>;

function answer<T>(result: CmsResult<T>): Response {
  if (result.ok) {
    // The catalog changes only when an admin edits it; a few minutes of staleness is fine.
    return Response.json(
      { data: result.data },
      { headers: { 'Cache-Control': 'public, max-age=300' } },
    );
  }
  const { problem } = result;
  const status = problem.kind === 'rejected' && problem.status < 500 ? problem.status : 502;
  return Response.json({ error: { status } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

function localeOf(context: ProxyContext): Locale {
  return parseLocale(context.url.searchParams.get('locale') ?? undefined) ?? defaultLocale;
}

/**
 * `GET /api/catalog/makes/:id/models?locale=`: the models of a make, for the vehicle form's
 * island. The browser asks the portal, never the CMS, whose address stays server-side.
 */
export async function modelsOfMakeAnswer(context: ProxyContext): Promise<Response> {
  const makeId = context.params.id ?? '';
  return answer(await catalogApi.modelsOfMake(makeId, localeOf(context), callContextOf(context)));
}

/** `GET /api/catalog/models/:id?locale=`: a model with its trims, fuels and years. */
export async function modelAnswer(context: ProxyContext): Promise<Response> {
  const modelId = context.params.id ?? '';
  return answer(await catalogApi.model(modelId, localeOf(context), callContextOf(context)));
}
