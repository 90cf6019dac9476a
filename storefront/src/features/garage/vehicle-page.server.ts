import type { Locale } from '~/i18n';
import { isoCalendarDate } from '~/i18n/dates';
import { paths } from '~/lib/paths';
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
import type { OdometerReading, OwnerRequest, Page, Vehicle, VehicleNote } from './vehicle-api';
import { vehicleApi } from './vehicle-api.server';

export const NOTES_PAGE_SIZE = 10;
/** Readings drawn in the chart and listed in its table. */
export const READINGS_SHOWN = 100;

/** What was just done, for the confirmation the page shows after redirecting. */
export const DONE = [
  'saved',
  'reading',
  'note-added',
  'note-updated',
  'note-deleted',
  'photos-added',
  'photo-deleted',
] as const;
export type Done = (typeof DONE)[number];

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
      /** Whether the notes shown are a later page (reached through "Show older notes"). */
      olderNotes: boolean;
      done?: Done;
      errors: FormError[];
      reading: ReadingFormValues;
      newNote: string;
      /** The note being edited, with its text as typed. */
      editing?: { noteId: string; body: string };
    };

type Refusal = 'signed-out' | 'not-found' | FormError;

/**
 * A refused upload. Unlike the other forms, it redirects too: the browser cannot keep the
 * chosen files for a second try anyway, a reload must not send them again, and the upload
 * island can follow a redirect but not show a page answered to its request.
 */
interface PhotoRefusal {
  photoError: PhotoErrorCode;
}

function refusal(problem: CmsProblem, explain: () => FormError): Refusal {
  if (isUnauthorized(problem)) return 'signed-out';
  return isNotFound(problem) ? 'not-found' : explain();
}

type Action = (
  owner: OwnerRequest,
  vehicleId: string,
  form: FormFields,
) => Promise<Done | Refusal | PhotoRefusal | FormState>;

// A Map, not a plain object: `intent` is whatever the visitor sent, and a plain object would
// answer `constructor`, `__proto__` or `toString` with what every object inherits.
const ACTIONS = new Map<string, Action>(
  Object.entries({
    async 'add-reading'(owner, vehicleId, form) {
      const reading = readReadingForm(form);
      const checked = readingPayload(reading, isoCalendarDate(new Date()));
      if ('errors' in checked) return { errors: checked.errors, reading };
      const result = await vehicleApi.addReading(owner, vehicleId, checked.payload);
      if (result.ok) return 'reading';
      const outcome = refusal(result.problem, () => readingError(result.problem));
      return typeof outcome === 'string' ? outcome : { errors: [outcome], reading };
    },
    async 'add-note'(owner, vehicleId, form) {
      const newNote = form.text('noteBody');
      const checked = noteBody(newNote, 'noteBody');
      if ('error' in checked) return { errors: [checked.error], newNote };
      const result = await vehicleApi.addNote(owner, vehicleId, checked.body);
      if (result.ok) return 'note-added';
      const outcome = refusal(result.problem, () => noteError(result.problem, 'noteBody'));
      return typeof outcome === 'string' ? outcome : { errors: [outcome], newNote };
    },
    async 'update-note'(owner, _vehicleId, form) {
      const editing = { noteId: form.text('noteId'), body: form.text('editNoteBody') };
      const checked = noteBody(editing.body, 'editNoteBody');
      if ('error' in checked) return { errors: [checked.error], editing };
      const result = await vehicleApi.updateNote(owner, editing.noteId, checked.body);
      if (result.ok) return 'note-updated';
      // A note that is gone (deleted in another tab) is not a reason to hide the vehicle.
      if (isUnauthorized(result.problem)) return 'signed-out';
      return { errors: [noteError(result.problem, 'editNoteBody')], editing };
    },
    async 'delete-note'(owner, _vehicleId, form) {
      const result = await vehicleApi.removeNote(owner, form.text('noteId'));
      if (result.ok || isNotFound(result.problem)) return 'note-deleted';
      return isUnauthorized(result.problem)
        ? 'signed-out'
        : { errors: [noteError(result.problem, 'notes')] };
    },
    async 'add-photos'(owner, vehicleId, form) {
      const files = chosenPhotos(form.all(PHOTO_FIELD));
      const refused = photosRefusal(files);
      if (refused) return { photoError: refused };
      const result = await vehicleApi.addPhotos(owner, vehicleId, files);
      if (result.ok) return 'photos-added';
      if (isUnauthorized(result.problem)) return 'signed-out';
      if (isNotFound(result.problem)) return 'not-found';
      return { photoError: photoUploadRefusal(result.problem) };
    },
    async 'delete-photo'(owner, vehicleId, form) {
      const result = await vehicleApi.removePhoto(owner, vehicleId, form.text('photoId'));
      // A photo already gone (deleted in another tab) is what the owner wanted.
      if (result.ok || isNotFound(result.problem)) return 'photo-deleted';
      return isUnauthorized(result.problem)
        ? 'signed-out'
        : { errors: [photoDeleteError(result.problem)] };
    },
  } satisfies Record<string, Action>),
);

async function load(owner: OwnerRequest, vehicleId: string, notesCursor: string | undefined) {
  const [vehicle, readings, notes] = await Promise.all([
    vehicleApi.get(owner, vehicleId),
    vehicleApi.readings(owner, vehicleId, { limit: READINGS_SHOWN }),
    vehicleApi.notes(owner, vehicleId, { limit: NOTES_PAGE_SIZE, cursor: notesCursor }),
  ]);
  return { vehicle, readings, notes };
}

function doneOf(value: string | null): Done | undefined {
  return DONE.find((done) => done === value);
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
      : { errors: [{ key: 'forms.errors.generic' } as const] };
    if (outcome === 'signed-out') return signedOut(context, locale);
    if (outcome === 'not-found') return { kind: 'not-found' };
    if (typeof outcome === 'string') {
      return context.redirect(paths.vehicle(locale, vehicleId, { done: outcome }), 303);
    }
    if ('photoError' in outcome) {
      const query = { [PHOTO_ERROR_PARAM]: outcome.photoError };
      return context.redirect(paths.vehicle(locale, vehicleId, query), 303);
    }
    state = 'key' in outcome ? { errors: [outcome] } : outcome;
  }

  const query = context.url.searchParams;
  const notesCursor = query.get('notesCursor') || undefined;
  const { vehicle, readings, notes } = await load(owner, vehicleId, notesCursor);
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
    olderNotes: notesCursor !== undefined,
    done: isFormPost(context) ? undefined : doneOf(query.get('done')),
    errors: photoError ? [photoError] : state.errors,
    reading: state.reading ?? newReadingForm(isoCalendarDate(new Date())),
    newNote: state.newNote ?? '',
    editing: state.editing ?? (noteToEdit && { noteId: noteToEdit.id, body: noteToEdit.body }),
  };
}
