import type { Locale } from '~/i18n';
import { formErrorFor, type FormError } from '~/features/forms/form-errors';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { isNotFound, isUnauthorized } from './garage-errors';
import { DELETED_PARAM } from './garage-page.server';
import { ownerRequest, signedOut, toLogin } from './owner.server';
import type { Vehicle } from './vehicle-api';
import { vehicleApi } from './vehicle-api.server';
import { paths } from '~/lib/paths';

/** What the delete confirmation page shows. */
export type DeleteView =
  | { kind: 'not-found' }
  | { kind: 'unavailable' }
  | { kind: 'confirm'; vehicle: Vehicle; errors: FormError[] };

/**
 * Serves the delete confirmation of a vehicle: a GET asks, a (CSRF-checked) POST deletes the
 * vehicle with its notes, photos and readings and returns to the garage with a confirmation.
 */
export async function deletePage(
  context: PageContext,
  locale: Locale,
  vehicleId: string,
): Promise<Response | DeleteView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const owner = ownerRequest(context, session, locale);

  const vehicle = await vehicleApi.get(owner, vehicleId);
  if (!vehicle.ok) {
    if (isUnauthorized(vehicle.problem)) return signedOut(context, locale);
    return { kind: isNotFound(vehicle.problem) ? 'not-found' : 'unavailable' };
  }
  if (!isFormPost(context)) return { kind: 'confirm', vehicle: vehicle.data, errors: [] };

  const removed = await vehicleApi.remove(owner, vehicleId);
  if (removed.ok || isNotFound(removed.problem)) {
    return context.redirect(paths.garage(locale, { [DELETED_PARAM]: '1' }), 303);
  }
  if (isUnauthorized(removed.problem)) return signedOut(context, locale);
  return {
    kind: 'confirm',
    vehicle: vehicle.data,
    errors: [formErrorFor('vehicle', removed.problem)],
  };
}
