import type { Locale } from '~/i18n';
import { isoCalendarDate } from '~/i18n/dates';
import type { CmsResult } from '~/lib/cms-api';
import { callContextOf } from '~/features/auth/auth.server';
import type { FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { CHOOSE_MAKE, CHOOSE_MODEL } from './catalog-fields';
import { isNotFound, isUnauthorized, vehicleError } from './garage-errors';
import { ownerRequest, signedOut, toLogin } from './owner.server';
import type { OwnerRequest, Vehicle } from './vehicle-api';
import { vehicleApi } from './vehicle-api.server';
import { loadVehicleChoices } from './vehicle-choices.server';
import { vehicleName } from './vehicle-display';
import {
  fitChoices,
  newVehicleForm,
  readVehicleForm,
  validateVehicleForm,
  vehicleFormValues,
  vehiclePayload,
  type VehicleChoices,
  type VehicleFormValues,
} from './vehicle-form';
import { paths } from '~/lib/paths';

/** What the add and edit pages show. */
export type VehicleEditorView =
  | { kind: 'not-found' }
  | { kind: 'unavailable' }
  | {
      kind: 'form';
      /** The vehicle being edited (its name and id); absent when adding one. */
      editing?: { id: string; name: string };
      values: VehicleFormValues;
      choices: VehicleChoices;
      errors: FormError[];
      /** The select to focus after a narrowing step, so the owner continues there. */
      focus?: 'modelId' | 'year';
    };

type Outcome = Response | VehicleEditorView;

function save(owner: OwnerRequest, values: VehicleFormValues, vehicleId?: string) {
  const payload = vehiclePayload(values, vehicleId === undefined);
  return vehicleId === undefined
    ? vehicleApi.create(owner, payload)
    : vehicleApi.update(owner, vehicleId, payload);
}

async function submit(
  context: PageContext,
  locale: Locale,
  owner: OwnerRequest,
  editing: { id: string; name: string } | undefined,
): Promise<Outcome> {
  const form = await readForm(context.request);
  const intent = form.text('intent');
  const values = readVehicleForm(form);
  const choices = await loadVehicleChoices(values, locale, owner.context);
  if (!choices) return { kind: 'unavailable' };
  if (intent === CHOOSE_MAKE || intent === CHOOSE_MODEL) {
    const focus = intent === CHOOSE_MAKE ? 'modelId' : 'year';
    return {
      kind: 'form',
      editing,
      values: fitChoices(values, choices),
      choices,
      errors: [],
      focus,
    };
  }
  const today = isoCalendarDate(new Date());
  const errors = validateVehicleForm(values, choices, { today, creating: !editing });
  if (errors.length > 0) return { kind: 'form', editing, values, choices, errors };
  const saved: CmsResult<Vehicle> = await save(owner, values, editing?.id);
  if (saved.ok)
    return context.redirect(paths.vehicle(locale, saved.data.id, { done: 'saved' }), 303);
  if (isUnauthorized(saved.problem)) return signedOut(context, locale);
  if (editing && isNotFound(saved.problem)) return { kind: 'not-found' };
  return { kind: 'form', editing, values, choices, errors: [vehicleError(saved.problem)] };
}

/** The vehicle an edit page loads, or why it has none to show. */
type VehicleToEdit =
  | { kind: 'found'; vehicle: Vehicle }
  | { kind: 'signed-out' }
  | { kind: 'not-found' }
  | { kind: 'unavailable' };

async function vehicleToEdit(owner: OwnerRequest, vehicleId: string): Promise<VehicleToEdit> {
  const result = await vehicleApi.get(owner, vehicleId);
  if (result.ok) return { kind: 'found', vehicle: result.data };
  if (isUnauthorized(result.problem)) return { kind: 'signed-out' };
  return { kind: isNotFound(result.problem) ? 'not-found' : 'unavailable' };
}

/**
 * Serves the add-vehicle page (no `vehicleId`) and the edit page. Without JavaScript the
 * catalog choices narrow step by step: "Show models" and "Show years and trims" post the form
 * back with what was typed so far and it returns with the next select filled in and focused.
 * A saved vehicle redirects to its page.
 */
export async function vehicleEditorPage(
  context: PageContext,
  locale: Locale,
  vehicleId?: string,
): Promise<Outcome> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const owner = ownerRequest(context, session, locale);

  let vehicle: Vehicle | undefined;
  if (vehicleId !== undefined) {
    const found = await vehicleToEdit(owner, vehicleId);
    if (found.kind === 'signed-out') return signedOut(context, locale);
    if (found.kind !== 'found') return found;
    vehicle = found.vehicle;
  }
  const editing = vehicle && { id: vehicle.id, name: vehicleName(vehicle) };
  if (isFormPost(context)) return submit(context, locale, owner, editing);

  const values = vehicle ? vehicleFormValues(vehicle) : newVehicleForm(context.url.searchParams);
  const choices = await loadVehicleChoices(values, locale, callContextOf(context));
  if (!choices) return { kind: 'unavailable' };
  return { kind: 'form', editing, values: fitChoices(values, choices), choices, errors: [] };
}
