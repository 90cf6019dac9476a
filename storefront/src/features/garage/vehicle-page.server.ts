import type { Locale } from '~/i18n';
import { isoCalendarDate } from '~/i18n/dates';
import { paths } from '~/lib/paths';
import { unreachable } from '~/lib/unreachable';
import type { CmsProblem } from '~/lib/cms-api';
import type { FormError } from '~/features/forms/form-errors';
import { readForm, type FormFields } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import {
  isNotFound,
  isUnauthorized,
  noteError,
  photoDeleteError,
  readingError,
} from './garage-errors';
import { noteBody } from './note-form';
import {
  newReadingForm,
  readingPayload,
  readReadingForm,
  type ReadingFormValues,
} from './odometer-form';
import { ownerRequest, signedOut, toLogin } from './owner.server';
import {
  chosenPhotos,
  PHOTO_ERROR_PARAM,
  PHOTO_FIELD,
  photoErrorOf,
  photosRefusal,
  photoUploadRefusal,
  type PhotoErrorCode,
} from './photo-upload';
import type { VaultDocument } from '~/features/documents/document-api';
import { documentApi } from '~/features/documents/documents.server';
import type { Reminder } from '~/features/reminders/reminders-api';
import { remindersApi } from '~/features/reminders/reminders-api.server';
import {
  loadVehicleServices,
  type VehicleServices,
} from '~/features/service-records/service-pages.server';
import type { OdometerReading, OwnerRequest, Page, Vehicle, VehicleNote } from './vehicle-api';
import { vehicleApi } from './vehicle-api.server';
import { confirmationOf, DONE_PARAM, type Confirmation, type Done } from './vehicle-confirmations';
import type { VehicleRecall } from '~/features/recalls/recalls-api';
import { recallsApi } from '~/features/recalls/recalls-api.server';

export const NOTES_PAGE_SIZE = 10;
/** Documents listed in the vehicle's section (the vault has them all). */
export const VEHICLE_DOCUMENTS_SHOWN = 50;
/** Readings drawn in the chart and listed in its table. */
export const READINGS_SHOWN = 100;

/** What the forms on the page show: errors and what the owner typed. */
interface FormState {
  errors: FormError[];
  reading?: ReadingFormValues;
  newNote?: string;
  editing?: { noteId: string; body: string };
}

/** What the vehicle page shows. */
export type VehicleView =
  | { kind: 'not-found' }
  | { kind: 'unavailable' }
  | {
      kind: 'vehicle';
      vehicle: Vehicle;
      readings: OdometerReading[];
      notes: Page<VehicleNote>;
      /** History and spending (each absent when the CMS could not answer). */
      services: VehicleServices;
      /** Open reminders, most urgent first; undefined when they could not be loaded. */
      reminders?: Reminder[];
      /** The vehicle's documents; undefined when they could not be loaded. */
      documents?: VaultDocument[];
      /** Whether the notes shown are a later page (reached through "Show older notes"). */
      olderNotes: boolean;
      /** What a form just did (after its redirect), shown in that form's section. */
      confirmation?: Confirmation;
      errors: FormError[];
      reading: ReadingFormValues;
      newNote: string;
      /** The note being edited, with its text as typed. */
      editing?: { noteId: string; body: string };
      /** Recalls matching this vehicle, most severe first (null: could not be loaded). */
      recalls: VehicleRecall[] | null;
    };

/**
 * How a form post ended. `done` and `photo-refused` redirect back to the page (with `?done=`
 * or `?photoError=`), so a reload never sends the form again; `invalid` shows the page with
 * the errors and what was typed. A refused upload redirects too: the browser cannot keep the
 * chosen files for a second try anyway, and the upload island can follow a redirect but not
 * show a page answered to its request.
 */
type ActionOutcome =
  | { kind: 'done'; done: Done }
  | { kind: 'invalid'; state: FormState }
  | { kind: 'photo-refused'; code: PhotoErrorCode }
  | { kind: 'not-found' }
  | { kind: 'signed-out' };

const done = (value: Done): ActionOutcome => ({ kind: 'done', done: value });
const invalid = (state: FormState): ActionOutcome => ({ kind: 'invalid', state });
const SIGNED_OUT: ActionOutcome = { kind: 'signed-out' };

/** A refusal of the vehicle itself (gone, or the session) or of what the form sent. */
function refusal(problem: CmsProblem, explain: () => FormState): ActionOutcome {
  if (isUnauthorized(problem)) return SIGNED_OUT;
  return isNotFound(problem) ? { kind: 'not-found' } : invalid(explain());
}

type Action = (owner: OwnerRequest, vehicleId: string, form: FormFields) => Promise<ActionOutcome>;

// A Map, not a plain object: `intent` is whatever the visitor sent, and a plain object would
// answer `constructor`, `__proto__` or `toString` with what every object inherits.
const ACTIONS = new Map<string, Action>(
  Object.entries({
    async 'add-reading'(owner, vehicleId, form) {
      const reading = readReadingForm(form);
      const checked = readingPayload(reading, isoCalendarDate(new Date()));
      if ('errors' in checked) return invalid({ errors: checked.errors, reading });
      const result = await vehicleApi.addReading(owner, vehicleId, checked.payload);
      if (result.ok) return done('reading');
      return refusal(result.problem, () => ({ errors: [readingError(result.problem)], reading }));
    },
    async 'add-note'(owner, vehicleId, form) {
      const newNote = form.text('noteBody');
      const checked = noteBody(newNote, 'noteBody');
      if ('error' in checked) return invalid({ errors: [checked.error], newNote });
      const result = await vehicleApi.addNote(owner, vehicleId, checked.body);
      if (result.ok) return done('note-added');
      return refusal(result.problem, () => ({
        errors: [noteError(result.problem, 'noteBody')],
        newNote,
      }));
    },
    async 'update-note'(owner, _vehicleId, form) {
      const editing = { noteId: form.text('noteId'), body: form.text('editNoteBody') };
      const checked = noteBody(editing.body, 'editNoteBody');
      if ('error' in checked) return invalid({ errors: [checked.error], editing });
      const result = await vehicleApi.updateNote(owner, editing.noteId, checked.body);
      if (result.ok) return done('note-updated');
      // A note that is gone (deleted in another tab) is not a reason to hide the vehicle.
      if (isUnauthorized(result.problem)) return SIGNED_OUT;
      return invalid({ errors: [noteError(result.problem, 'editNoteBody')], editing });
    },
    async 'delete-note'(owner, _vehicleId, form) {
      const result = await vehicleApi.removeNote(owner, form.text('noteId'));
      if (result.ok || isNotFound(result.problem)) return done('note-deleted');
      return isUnauthorized(result.problem)
        ? SIGNED_OUT
        : invalid({ errors: [noteError(result.problem, 'notes')] });
    },
    async 'add-photos'(owner, vehicleId, form) {
      const files = chosenPhotos(form.all(PHOTO_FIELD));
      const refused = photosRefusal(files);
      if (refused) return { kind: 'photo-refused', code: refused };
      const result = await vehicleApi.addPhotos(owner, vehicleId, files);
      if (result.ok) return done('photos-added');
      if (isUnauthorized(result.problem)) return SIGNED_OUT;
      if (isNotFound(result.problem)) return { kind: 'not-found' };
      return { kind: 'photo-refused', code: photoUploadRefusal(result.problem) };
    },
    async 'delete-photo'(owner, vehicleId, form) {
      const result = await vehicleApi.removePhoto(owner, vehicleId, form.text('photoId'));
      // A photo already gone (deleted in another tab) is what the owner wanted.
      if (result.ok || isNotFound(result.problem)) return done('photo-deleted');
      return isUnauthorized(result.problem)
        ? SIGNED_OUT
        : invalid({ errors: [photoDeleteError(result.problem)] });
    },
  } satisfies Record<string, Action>),
);

/**
 * Everything the page shows, in ONE parallel load: the vehicle, its readings and notes, its
 * services and spending, reminders and documents. The sections only render what they are
 * given (none of them calls the CMS), so the page costs the slowest call, not their sum.
 */
async function load(owner: OwnerRequest, vehicleId: string, notesCursor: string | undefined) {
  const [vehicle, readings, notes, services, reminders, documents, recalls] = await Promise.all([
    vehicleApi.get(owner, vehicleId),
    vehicleApi.readings(owner, vehicleId, { limit: READINGS_SHOWN }),
    vehicleApi.notes(owner, vehicleId, { limit: NOTES_PAGE_SIZE, cursor: notesCursor }),
    loadVehicleServices(owner, vehicleId),
    remindersApi.list(owner, { vehicle: vehicleId }),
    documentApi.list(owner, { vehicle: vehicleId, limit: VEHICLE_DOCUMENTS_SHOWN }),
    recallsApi.mine(owner, vehicleId),
  ]);
  return { vehicle, readings, notes, services, reminders, documents, recalls };
}

/**
 * Serves a vehicle's page: overview, photos with forms to upload and delete them, odometer
 * readings (chart and table) with a form to add one, and notes with forms to add, edit and
 * delete them. Each form posts back here and redirects after success, so a reload never sends
 * it twice. Another owner's vehicle is a 404.
 */
export async function vehiclePage(
  context: PageContext,
  locale: Locale,
  vehicleId: string,
): Promise<Response | VehicleView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const owner = ownerRequest(context, session, locale);

  let state: FormState = { errors: [] };
  if (isFormPost(context)) {
    const form = await readForm(context.request);
    const action = ACTIONS.get(form.text('intent'));
    // No form on the page sends another intent: a bad request, shown with the page.
    if (!action) context.response.status = 400;
    const outcome = action
      ? await action(owner, vehicleId, form)
      : invalid({ errors: [{ key: 'forms.errors.generic' }] });
    switch (outcome.kind) {
      case 'signed-out':
        return signedOut(context, locale);
      case 'not-found':
        return { kind: 'not-found' };
      case 'done':
        return context.redirect(
          paths.vehicle(locale, vehicleId, { [DONE_PARAM]: outcome.done }),
          303,
        );
      case 'photo-refused':
        return context.redirect(
          paths.vehicle(locale, vehicleId, { [PHOTO_ERROR_PARAM]: outcome.code }),
          303,
        );
      case 'invalid':
        state = outcome.state;
        break;
      default:
        return unreachable(outcome);
    }
  }

  const query = context.url.searchParams;
  const notesCursor = query.get('notesCursor') || undefined;
  const { vehicle, readings, notes, services, reminders, documents, recalls } = await load(
    owner,
    vehicleId,
    notesCursor,
  );
  if (!vehicle.ok) {
    if (isUnauthorized(vehicle.problem)) return signedOut(context, locale);
    return { kind: isNotFound(vehicle.problem) ? 'not-found' : 'unavailable' };
  }
  const editNote = query.get('editNote');
  const photoError = isFormPost(context) ? undefined : photoErrorOf(query.get(PHOTO_ERROR_PARAM));
  const noteToEdit = notes.ok ? notes.data.items.find((note) => note.id === editNote) : undefined;
  return {
    kind: 'vehicle',
    vehicle: vehicle.data,
    readings: readings.ok ? readings.data.items : [],
    notes: notes.ok ? notes.data : { items: [], nextCursor: null },
    services,
    reminders: reminders.ok ? reminders.data.items : undefined,
    documents: documents.ok ? documents.data.items : undefined,
    olderNotes: notesCursor !== undefined,
    confirmation: isFormPost(context) ? undefined : confirmationOf(query.get(DONE_PARAM)),
    errors: photoError ? [photoError] : state.errors,
    reading: state.reading ?? newReadingForm(isoCalendarDate(new Date())),
    newNote: state.newNote ?? '',
    editing: state.editing ?? (noteToEdit && { noteId: noteToEdit.id, body: noteToEdit.body }),
    // The CMS narrows to the vehicle; checked again so another vehicle's recall never shows.
    recalls: recalls.ok ? recalls.data.filter((item) => item.vehicle.id === vehicleId) : null,
  };
}
