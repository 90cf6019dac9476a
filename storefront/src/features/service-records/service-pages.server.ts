import type { Locale } from '~/i18n';
import { isoCalendarDate } from '~/i18n/dates';
import { isoDay } from '~/components/forms/date-input';
import type { CmsProblem, CmsResult } from '~/lib/cms-api';
import { paths } from '~/lib/paths';
import type { FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { isNotFound, isUnauthorized } from '~/features/garage/garage-errors';
import { ownerRequest, signedOut, toLogin } from '~/features/garage/owner.server';
import type { OwnerRequest, Vehicle } from '~/features/garage/vehicle-api';
import { vehicleApi } from '~/features/garage/vehicle-api.server';
import {
  completionPayload,
  correctionFormOf,
  correctionPayload,
  newCompletionForm,
  readCompletionForm,
  withEmptyRows,
  type CompletionFormValues,
} from './completion-form';
import { monthBounds, readMonthParam, type CalendarMonth } from './month-calendar';
import { calendarFor } from './month-calendar-text';
import { serviceError } from './service-errors';
import {
  newServiceForm,
  readServiceForm,
  serviceFormOf,
  servicePayload,
  type ServiceFormValues,
} from './service-form';
import type { ServiceRecord, Spending } from './service-record-api';
import { serviceRecordApi } from './service-record-api.server';

/** The `?done=` a record page shows a confirmation for, after a form redirected there. */
export const SERVICE_DONE = ['scheduled', 'updated', 'completed', 'cancelled'] as const;
export type ServiceDone = (typeof SERVICE_DONE)[number];
/** Records the vehicle page's history shows; the calendar shows a month's. */
export const HISTORY_SIZE = 50;
const MONTH_SIZE = 100;

/** A page about a vehicle's services that could not be shown. */
export type Unshown = { kind: 'not-found' } | { kind: 'unavailable' };

type Loaded<T> = { ok: true; value: T } | { ok: false; outcome: Response | Unshown };

interface Caller {
  context: PageContext;
  locale: Locale;
  owner: OwnerRequest;
}

/** What a failed load means for the page: signed out, gone (or another owner's), down. */
function unshown(caller: Caller, problem: CmsProblem): Response | Unshown {
  if (isUnauthorized(problem)) return signedOut(caller.context, caller.locale);
  return { kind: isNotFound(problem) ? 'not-found' : 'unavailable' };
}

function loaded<T>(caller: Caller, result: CmsResult<T>): Loaded<T> {
  return result.ok
    ? { ok: true, value: result.data }
    : { ok: false, outcome: unshown(caller, result.problem) };
}

function callerOf(context: PageContext, locale: Locale): Caller | Response {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  return { context, locale, owner: ownerRequest(context, session, locale) };
}

/** The vehicle and one of its records; a record of another vehicle is not found here. */
async function vehicleAndRecord(
  caller: Caller,
  vehicleId: string,
  recordId: string,
): Promise<Loaded<{ vehicle: Vehicle; record: ServiceRecord }>> {
  const [vehicle, record] = await Promise.all([
    vehicleApi.get(caller.owner, vehicleId),
    serviceRecordApi.get(caller.owner, recordId),
  ]);
  const shownVehicle = loaded(caller, vehicle);
  if (!shownVehicle.ok) return shownVehicle;
  const shownRecord = loaded(caller, record);
  if (!shownRecord.ok) return shownRecord;
  if (shownRecord.value.vehicleId !== vehicleId) {
    return { ok: false, outcome: { kind: 'not-found' } };
  }
  return { ok: true, value: { vehicle: shownVehicle.value, record: shownRecord.value } };
}

/** A refusal of a form post: signed out, the record gone, or errors shown with the form. */
function refused(caller: Caller, problem: CmsProblem): Response | Unshown | FormError[] {
  if (isUnauthorized(problem)) return signedOut(caller.context, caller.locale);
  if (isNotFound(problem)) return { kind: 'not-found' };
  return [serviceError(problem)];
}

const toRecord = (caller: Caller, vehicleId: string, recordId: string, done: ServiceDone) =>
  caller.context.redirect(paths.serviceRecord(caller.locale, vehicleId, recordId, { done }), 303);

const isKeyReused = (problem: CmsProblem) => problem.kind === 'rejected' && problem.status === 422;

/** The schedule (or edit) form page. */
export type ServiceFormView =
  | Unshown
  | { kind: 'form'; vehicle: Vehicle; values: ServiceFormValues; errors: FormError[] };

/** The edit page: the schedule form, or (`bill`) a completed service's bill and notes. */
export type EditServiceView =
  | ServiceFormView
  | {
      kind: 'bill';
      vehicle: Vehicle;
      record: ServiceRecord;
      values: CompletionFormValues;
      errors: FormError[];
    };

/**
 * Serves "Schedule a service": the form (with a fresh idempotency key in a hidden field) and
 * its post. The key goes to the CMS with the record, so a double submit or a retry after a
 * lost answer shows the one record made; an error keeps the key and what was typed.
 */
export async function newServicePage(
  context: PageContext,
  locale: Locale,
  vehicleId: string,
): Promise<Response | ServiceFormView> {
  const caller = callerOf(context, locale);
  if (caller instanceof Response) return caller;
  const vehicle = loaded(caller, await vehicleApi.get(caller.owner, vehicleId));
  if (!vehicle.ok) return vehicle.outcome;
  if (!isFormPost(context)) {
    return { kind: 'form', vehicle: vehicle.value, values: newServiceForm(), errors: [] };
  }
  const values = readServiceForm(await readForm(context.request));
  if (!values.idempotencyKey) values.idempotencyKey = crypto.randomUUID();
  const form = (errors: FormError[]): ServiceFormView => ({
    kind: 'form',
    vehicle: vehicle.value,
    values,
    errors,
  });
  const checked = servicePayload(values, locale);
  if ('errors' in checked) return form(checked.errors);
  const created = await serviceRecordApi.create(
    caller.owner,
    { vehicleId, ...checked.payload },
    values.idempotencyKey,
  );
  if (created.ok) return toRecord(caller, vehicleId, created.data.id, 'scheduled');
  const problem = refused(caller, created.problem);
  if (!Array.isArray(problem)) return problem;
  // The key made a record with other details: the owner is told to check the history, and
  // a new key lets the next submit (if they still want it) make a second one.
  if (isKeyReused(created.problem)) values.idempotencyKey = crypto.randomUUID();
  return form(problem);
}

/**
 * Corrects a completed service's bill and notes (the fields it still takes), on its edit
 * page: a receipt found later.
 */
async function correctBill(
  caller: Caller,
  vehicle: Vehicle,
  record: ServiceRecord,
): Promise<Response | EditServiceView> {
  const bill = (values: CompletionFormValues, errors: FormError[]): EditServiceView => ({
    kind: 'bill',
    vehicle,
    record,
    values: { ...values, lines: withEmptyRows(values.lines) },
    errors,
  });
  if (!isFormPost(caller.context)) return bill(correctionFormOf(record), []);
  const values = readCompletionForm(await readForm(caller.context.request));
  const checked = correctionPayload(values);
  if ('errors' in checked) return bill(values, checked.errors);
  const updated = await serviceRecordApi.update(caller.owner, record.id, checked.payload);
  if (updated.ok) return toRecord(caller, record.vehicleId, record.id, 'updated');
  const problem = refused(caller, updated.problem);
  return Array.isArray(problem) ? bill(values, problem) : problem;
}

/**
 * Serves the edit form of a planned service; a completed one's page corrects its bill and
 * notes; a cancelled one shows its page.
 */
export async function editServicePage(
  context: PageContext,
  locale: Locale,
  vehicleId: string,
  recordId: string,
): Promise<Response | EditServiceView> {
  const caller = callerOf(context, locale);
  if (caller instanceof Response) return caller;
  const both = await vehicleAndRecord(caller, vehicleId, recordId);
  if (!both.ok) return both.outcome;
  const { vehicle, record } = both.value;
  if (record.status === 'completed') return correctBill(caller, vehicle, record);
  if (record.status !== 'scheduled') {
    return context.redirect(paths.serviceRecord(locale, vehicleId, recordId), 303);
  }
  if (!isFormPost(context)) {
    return { kind: 'form', vehicle, values: serviceFormOf(record, locale), errors: [] };
  }
  const values = readServiceForm(await readForm(context.request));
  const checked = servicePayload(values, locale);
  if ('errors' in checked) return { kind: 'form', vehicle, values, errors: checked.errors };
  const updated = await serviceRecordApi.update(caller.owner, recordId, checked.payload);
  if (updated.ok) return toRecord(caller, vehicleId, recordId, 'updated');
  const problem = refused(caller, updated.problem);
  return Array.isArray(problem) ? { kind: 'form', vehicle, values, errors: problem } : problem;
}

/** The completion form page. */
export type CompletionView =
  | Unshown
  | {
      kind: 'form';
      vehicle: Vehicle;
      record: ServiceRecord;
      values: CompletionFormValues;
      errors: FormError[];
      today: string;
    };

/** Serves "Mark as done": date, odometer, the bill as a total or as lines. */
export async function completeServicePage(
  context: PageContext,
  locale: Locale,
  vehicleId: string,
  recordId: string,
  now = new Date(),
): Promise<Response | CompletionView> {
  const caller = callerOf(context, locale);
  if (caller instanceof Response) return caller;
  const both = await vehicleAndRecord(caller, vehicleId, recordId);
  if (!both.ok) return both.outcome;
  const { vehicle, record } = both.value;
  if (record.status !== 'scheduled') {
    return context.redirect(paths.serviceRecord(locale, vehicleId, recordId), 303);
  }
  const today = isoCalendarDate(now);
  const form = (values: CompletionFormValues, errors: FormError[]): CompletionView => ({
    kind: 'form',
    vehicle,
    record,
    values: { ...values, lines: withEmptyRows(values.lines) },
    errors,
    today,
  });
  if (!isFormPost(context)) return form(newCompletionForm(today, record, locale), []);
  const values = readCompletionForm(await readForm(context.request));
  const checked = completionPayload(values, locale, today, now);
  if ('errors' in checked) return form(values, checked.errors);
  const completed = await serviceRecordApi.complete(caller.owner, recordId, checked.payload);
  if (completed.ok) return toRecord(caller, vehicleId, recordId, 'completed');
  const problem = refused(caller, completed.problem);
  return Array.isArray(problem) ? form(values, problem) : problem;
}

/** A record's page, or the cancel confirmation. */
export type RecordView =
  | Unshown
  | {
      kind: 'record';
      vehicle: Vehicle;
      record: ServiceRecord;
      done?: ServiceDone;
      errors: FormError[];
    };

const doneOf = (value: string | null) => SERVICE_DONE.find((done) => done === value);

/** Serves a service's page, with the confirmation of what a form just did. */
export async function serviceRecordPage(
  context: PageContext,
  locale: Locale,
  vehicleId: string,
  recordId: string,
): Promise<Response | RecordView> {
  const caller = callerOf(context, locale);
  if (caller instanceof Response) return caller;
  const both = await vehicleAndRecord(caller, vehicleId, recordId);
  if (!both.ok) return both.outcome;
  const done = doneOf(context.url.searchParams.get('done'));
  return { kind: 'record', ...both.value, done, errors: [] };
}

/**
 * Serves the cancel confirmation: a GET asks, a (CSRF-checked) POST cancels and shows the
 * record. A service that is no longer planned shows its page.
 */
export async function cancelServicePage(
  context: PageContext,
  locale: Locale,
  vehicleId: string,
  recordId: string,
): Promise<Response | RecordView> {
  const caller = callerOf(context, locale);
  if (caller instanceof Response) return caller;
  const both = await vehicleAndRecord(caller, vehicleId, recordId);
  if (!both.ok) return both.outcome;
  if (both.value.record.status !== 'scheduled') {
    return context.redirect(paths.serviceRecord(locale, vehicleId, recordId), 303);
  }
  if (!isFormPost(context)) return { kind: 'record', ...both.value, errors: [] };
  const cancelled = await serviceRecordApi.cancel(caller.owner, recordId);
  if (cancelled.ok) return toRecord(caller, vehicleId, recordId, 'cancelled');
  const problem = refused(caller, cancelled.problem);
  return Array.isArray(problem) ? { kind: 'record', ...both.value, errors: problem } : problem;
}

/** The service calendar of a vehicle: one month. */
export type CalendarView =
  | Unshown
  | {
      kind: 'calendar';
      vehicle: Vehicle;
      month: CalendarMonth;
      records: ServiceRecord[];
      today: string;
      /** The records of the month could not be fetched. */
      recordsUnavailable: boolean;
    };

/** Serves a vehicle's month of services (`?month=`), BS months in Nepali. */
export async function serviceCalendarPage(
  context: PageContext,
  locale: Locale,
  vehicleId: string,
  now = new Date(),
): Promise<Response | CalendarView> {
  const caller = callerOf(context, locale);
  if (caller instanceof Response) return caller;
  const today = isoCalendarDate(now);
  const month = readMonthParam(context.url.searchParams.get('month'), calendarFor(locale), today);
  const { first, last } = monthBounds(month);
  const [vehicle, records] = await Promise.all([
    vehicleApi.get(caller.owner, vehicleId),
    serviceRecordApi.list(caller.owner, {
      vehicle: vehicleId,
      from: isoDay(first),
      to: isoDay(last),
      limit: MONTH_SIZE,
    }),
  ]);
  const shown = loaded(caller, vehicle);
  if (!shown.ok) return shown.outcome;
  if (!records.ok && isUnauthorized(records.problem)) return signedOut(context, locale);
  return {
    kind: 'calendar',
    vehicle: shown.value,
    month,
    records: records.ok ? records.data.items : [],
    today,
    recordsUnavailable: !records.ok,
  };
}

/** What the vehicle page's services section shows; `undefined` parts could not be fetched. */
export interface VehicleServices {
  records?: ServiceRecord[];
  spending?: Spending;
}

/**
 * The history and spending of a vehicle, for its page: started by the vehicle page's one
 * parallel load (`garage/vehicle-page.server.ts`), with the vehicle's own calls.
 */
export async function loadVehicleServices(
  owner: OwnerRequest,
  vehicleId: string,
): Promise<VehicleServices> {
  const [records, spending] = await Promise.all([
    serviceRecordApi.list(owner, { vehicle: vehicleId, limit: HISTORY_SIZE }),
    serviceRecordApi.spending(owner, vehicleId),
  ]);
  return {
    records: records.ok ? records.data.items : undefined,
    spending: spending.ok ? spending.data : undefined,
  };
}
