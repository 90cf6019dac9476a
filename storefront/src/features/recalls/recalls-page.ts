import type { Locale } from '~/i18n';
import { paths } from '~/lib/paths';
import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import type { OwnerRequest } from '~/features/garage/vehicle-api';
import { isUnauthorized } from '~/features/garage/garage-errors';
import { readRecallAction, recallErrorFor } from './recall-actions';
import type { RecallsApi, VehicleRecall } from './recalls-api';

/** The query parameter the redirect after a status change sets. */
export const RECALL_DONE_PARAM = 'recall';
/** The id of the recalls panel, where a done form lands. */
export const RECALLS_ANCHOR = 'recalls';

export type RecallPostOutcome =
  | { kind: 'redirect'; to: string }
  | { kind: 'signed-out' }
  | { kind: 'refused'; status: 400 | 404; errors: FormError[] };

/**
 * Sets the owner's status of a recall for a vehicle (PUT to the CMS). Done: back to the
 * garage, the vehicle's page or the recalls page, at the panel, with a confirmation.
 */
export async function postRecallStatus(
  api: RecallsApi,
  owner: OwnerRequest,
  locale: Locale,
  form: FormFields,
): Promise<RecallPostOutcome> {
  const read = readRecallAction(form);
  if (!read.ok) return { kind: 'refused', status: 400, errors: read.errors };
  const { action } = read;
  const result = await api.setStatus(owner, action.recallId, action.vehicleId, action.status);
  if (!result.ok) {
    if (isUnauthorized(result.problem)) return { kind: 'signed-out' };
    const error = recallErrorFor(action, result.problem);
    const notFound = result.problem.kind === 'rejected' && result.problem.status === 404;
    return { kind: 'refused', status: notFound ? 404 : 400, errors: [error] };
  }
  const done = { [RECALL_DONE_PARAM]: action.status };
  const to =
    action.back === 'vehicle'
      ? paths.vehicle(locale, action.vehicleId, done)
      : action.back === 'garage'
        ? paths.garage(locale, done)
        : paths.recalls(locale, done);
  return { kind: 'redirect', to: `${to}#${RECALLS_ANCHOR}` };
}

/** What the recall panel shows: the recalls (or null when they could not load). */
export interface RecallPanelData {
  items: VehicleRecall[] | null;
}
