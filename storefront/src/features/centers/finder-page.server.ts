import { MAP_TILE_ATTRIBUTION, MAP_TILE_URL } from 'astro:env/server';
import type { Locale } from '~/i18n';
import { callContextOf } from '~/features/auth/auth.server';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { catalogApi } from '~/features/garage/catalog-api.server';
import type { CatalogMake } from '~/features/garage/catalog-api';
import { ownerRequest } from '~/features/garage/owner.server';
import type { CenterSummary } from './centers-api';
import { centersApi } from './centers-api.server';
import {
  finderFieldOfCms,
  readFinderQuery,
  type FinderError,
  type FinderForm,
} from './finder-query';
import { doneOf, type SaveIntent } from './save-action';
import { handleSaveAction } from './save-action.server';
import { mapTiles, type MapTiles } from './map-config';

export interface FinderView {
  form: FinderForm;
  errors: FinderError[];
  /** The CMS could not be asked or did not answer. */
  unavailable: boolean;
  centers: CenterSummary[];
  nextCursor: string | null;
  /** Whether this is a later page (a cursor in the address). */
  laterPage: boolean;
  /** Ids of the centers the signed-in owner saved (empty for visitors). */
  savedIds: Set<string>;
  signedIn: boolean;
  makes: CatalogMake[];
  tiles: MapTiles | null;
  done?: SaveIntent;
  /** A save or unsave that did not happen. */
  refusedSave?: 400 | 404 | 503;
}

function cmsErrorsOf(details: unknown): FinderError[] {
  const errors = (details as { errors?: Array<{ path?: unknown[] }> } | undefined)?.errors ?? [];
  return errors.flatMap((error) => {
    const field = finderFieldOfCms(String(error.path?.[0] ?? ''));
    return field
      ? [{ field, reason: field === 'nearDistrict' ? 'district' : reasonOf(field) }]
      : [];
  });
}

function reasonOf(field: FinderError['field']): FinderError['reason'] {
  switch (field) {
    case 'radiusKm':
      return 'radius';
    case 'openNow':
    case 'nearDistrict':
      return 'district';
    default:
      return field;
  }
}

/**
 * The finder: a page of centers for the filters in the address (a GET form, so it works
 * without JavaScript), the saved state of each for a signed-in owner, and the makes for the
 * filter. A save or unsave form posts here and comes back to the same address.
 */
export async function finderPage(
  context: PageContext,
  locale: Locale,
): Promise<Response | FinderView> {
  keepPrivate(context);
  let refusedSave: FinderView['refusedSave'];
  if (isFormPost(context)) {
    const outcome = await handleSaveAction(context, locale);
    if (outcome instanceof Response) return outcome;
    refusedSave = outcome.status;
    context.response.status = outcome.status;
  }
  const session = context.locals.session;
  const read = readFinderQuery(context.url.searchParams);
  const visitor = { locale, context: callContextOf(context) };
  const [list, saved, makes] = await Promise.all([
    read.ok ? centersApi.list(visitor, read.query) : undefined,
    session ? centersApi.saved(ownerRequest(context, session, locale)) : undefined,
    catalogApi.makes(locale, visitor.context),
  ]);
  let errors: FinderError[] = read.ok ? [] : read.errors;
  if (list && !list.ok && list.problem.kind === 'rejected' && list.problem.status === 400) {
    errors = cmsErrorsOf(list.problem.details);
    if (errors.length === 0) errors = [{ field: 'cursor', reason: 'cursor' }];
  }
  if (errors.length > 0) context.response.status = 400;
  const unavailable = errors.length === 0 && !!list && !list.ok;
  return {
    form: read.form,
    errors,
    unavailable,
    centers: list?.ok ? list.data.items : [],
    nextCursor: list?.ok ? list.data.nextCursor : null,
    laterPage: read.ok && !!read.query.cursor,
    savedIds: new Set(saved?.ok ? saved.data.items.map((center) => center.id) : []),
    signedIn: !!session,
    makes: makes.ok ? makes.data : [],
    tiles: mapTiles(MAP_TILE_URL, MAP_TILE_ATTRIBUTION),
    done: doneOf(context.url.searchParams),
    refusedSave,
  };
}
