import type { Locale } from '~/i18n';
import type { FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { isUnauthorized } from '~/features/garage/garage-errors';
import { ownerRequest, signedOut, toLogin } from '~/features/garage/owner.server';
import type { VehicleRecall } from './recalls-api';
import { recallsApi } from './recalls-api.server';
import { postRecallStatus } from './recalls-page';

export interface RecallsView {
  /** Every recall matching the owner's vehicles (fixed ones too); null when unavailable. */
  items: VehicleRecall[] | null;
  errors: FormError[];
}

/**
 * Serves the recalls page (signed-in owners only) and takes every recall status form of the
 * portal: done, it redirects back (garage, vehicle or here); refused, it shows this page with
 * the error at the recall's status radios (400, or 404 for a recall that does not apply).
 */
export async function recallsPage(
  context: PageContext,
  locale: Locale,
): Promise<Response | RecallsView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const owner = ownerRequest(context, session, locale);
  let errors: FormError[] = [];
  if (isFormPost(context)) {
    const outcome = await postRecallStatus(
      recallsApi,
      owner,
      locale,
      await readForm(context.request),
    );
    if (outcome.kind === 'redirect') return context.redirect(outcome.to, 303);
    if (outcome.kind === 'signed-out') return signedOut(context, locale);
    context.response.status = outcome.status;
    errors = outcome.errors;
  }
  const result = await recallsApi.mine(owner);
  if (!result.ok && isUnauthorized(result.problem)) return signedOut(context, locale);
  return { items: result.ok ? result.data : null, errors };
}
