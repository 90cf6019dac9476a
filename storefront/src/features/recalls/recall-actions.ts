import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import type { CmsProblem } from '~/lib/cms-api';
import { RECALL_STATUSES, type RecallStatus } from './recalls-api';

/** Where a done status form returns: the garage, a vehicle's page, or the recalls page. */
export const RECALL_BACK = ['garage', 'vehicle', 'recalls'] as const;
export type RecallBack = (typeof RECALL_BACK)[number];

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The status radios of one recall on one vehicle: one group per pair, so errors land there. */
export const statusField = (recallId: string, vehicleId: string) =>
  `status-${recallId}-${vehicleId}`;

export interface RecallStatusAction {
  recallId: string;
  vehicleId: string;
  status: RecallStatus;
  back: RecallBack;
}

export type ReadRecallAction =
  | { ok: true; action: RecallStatusAction }
  | { ok: false; errors: FormError[]; back: RecallBack; vehicleId?: string };

/** Reads a posted status form: the recall, the vehicle and one of the three statuses. */
export function readRecallAction(form: FormFields): ReadRecallAction {
  const recallId = form.text('recallId');
  const vehicleId = form.text('vehicleId');
  const backText = form.text('back');
  const back = RECALL_BACK.find((value) => value === backText) ?? 'recalls';
  if (!ID.test(recallId) || !ID.test(vehicleId)) {
    return { ok: false, back, errors: [{ key: 'recalls.errors.gone' }] };
  }
  const status = form.text(statusField(recallId, vehicleId));
  const known = RECALL_STATUSES.find((value) => value === status);
  if (!known) {
    return {
      ok: false,
      back,
      vehicleId,
      errors: [{ field: statusField(recallId, vehicleId), key: 'recalls.errors.status' }],
    };
  }
  return { ok: true, action: { recallId, vehicleId, status: known, back } };
}

/** The CMS's refusal of a status: 404 (not this owner's, or no longer matching); 400 (status). */
export function recallErrorFor(action: RecallStatusAction, problem: CmsProblem): FormError {
  if (problem.kind === 'rejected') {
    if (problem.status === 404) return { key: 'recalls.errors.gone' };
    if (problem.status === 400) {
      return {
        field: statusField(action.recallId, action.vehicleId),
        key: 'recalls.errors.status',
      };
    }
  }
  return { key: 'forms.errors.generic' };
}
