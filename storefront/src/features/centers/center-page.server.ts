import { MAP_TILE_ATTRIBUTION, MAP_TILE_URL, MEDIA_ORIGIN } from 'astro:env/server';
import type { Locale } from '~/i18n';
import { callContextOf } from '~/features/auth/auth.server';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { isNotFound } from '~/features/garage/garage-errors';
import { ownerRequest } from '~/features/garage/owner.server';
import { pictureSrc } from '~/features/garage/picture';
import type { CenterDetail } from './centers-api';
import { centersApi } from './centers-api.server';
import { readFinderQuery, finderSearch, type FinderForm } from './finder-query';
import { mapTiles, type MapTiles } from './map-config';
import { doneOf, type SaveIntent } from './save-action';
import { handleSaveAction } from './save-action.server';

export type CenterView =
  | { kind: 'not-found' }
  | { kind: 'unavailable' }
  | {
      kind: 'center';
      center: CenterDetail;
      /** Photos the browser can load from the portal (others are not shown). */
      photos: Array<{ src: string; alt: string }>;
      saved: boolean;
      signedIn: boolean;
      /** The finder's filters this page was opened from, for "back to the finder". */
      finderQuery: Record<string, string | undefined>;
      tiles: MapTiles | null;
      done?: SaveIntent;
      refusedSave?: 400 | 404 | 503;
    };

/** The filters of the finder a center page was opened from (ignored if they are not valid). */
export function finderFormOf(params: URLSearchParams): FinderForm | undefined {
  const read = readFinderQuery(params);
  return read.ok ? read.form : undefined;
}

/** One center's page; its save form posts here. */
export async function centerPage(
  context: PageContext,
  locale: Locale,
  slug: string,
): Promise<Response | CenterView> {
  keepPrivate(context);
  let refusedSave: 400 | 404 | 503 | undefined;
  if (isFormPost(context)) {
    const outcome = await handleSaveAction(context, locale);
    if (outcome instanceof Response) return outcome;
    refusedSave = outcome.status;
    context.response.status = outcome.status;
  }
  const session = context.locals.session;
  const [found, saved] = await Promise.all([
    centersApi.get({ locale, context: callContextOf(context) }, slug),
    session ? centersApi.saved(ownerRequest(context, session, locale)) : undefined,
  ]);
  if (!found.ok) {
    if (
      isNotFound(found.problem) ||
      (found.problem.kind === 'rejected' && found.problem.status === 400)
    ) {
      context.response.status = 404;
      return { kind: 'not-found' };
    }
    context.response.status = 503;
    return { kind: 'unavailable' };
  }
  const center = found.data;
  const form = finderFormOf(context.url.searchParams);
  return {
    kind: 'center',
    center,
    photos: center.photos.flatMap((photo) => {
      const src = pictureSrc(photo.url, MEDIA_ORIGIN);
      return src ? [{ src, alt: photo.alternativeText ?? '' }] : [];
    }),
    saved: saved?.ok ? saved.data.items.some((item) => item.id === center.id) : false,
    signedIn: !!session,
    finderQuery: form ? finderSearch(form) : {},
    tiles: mapTiles(MAP_TILE_URL, MAP_TILE_ATTRIBUTION),
    done: doneOf(context.url.searchParams),
    refusedSave,
  };
}
