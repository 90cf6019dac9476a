import type { Locale, MessageKey } from '~/i18n';
import { readDateField } from '~/components/forms/date-field';
import type { FormFields } from '~/features/forms/form-data';
import { detailsOf, formErrorFor, type FormError } from '~/features/forms/form-errors';
import type { CmsProblem } from '~/lib/cms-api';
import { isDocumentKind, type DocumentDetails, type VaultDocument } from './document-api';
import type { UploadError } from './document-upload';

/** The CMS's lengths (cms/src/api/document/document-input.ts). */
export const DOCUMENT_LIMITS = { number: 60, title: 120, notes: 2000 } as const;

/** The details form as the owner typed it (dates as typed, BS or AD). */
export interface DocumentFormValues {
  kind: string;
  vehicle: string;
  number: string;
  issuedOn: string;
  expiresOn: string;
  title: string;
  notes: string;
}

export const EMPTY_DOCUMENT_FORM: DocumentFormValues = {
  kind: '',
  vehicle: '',
  number: '',
  issuedOn: '',
  expiresOn: '',
  title: '',
  notes: '',
};

/** The form's values for a document being edited (dates shown by the date field itself). */
export function documentFormValues(document: VaultDocument): DocumentFormValues {
  return {
    kind: document.kind ?? 'other',
    vehicle: document.vehicle ?? '',
    number: document.number ?? '',
    issuedOn: '',
    expiresOn: '',
    title: document.title ?? '',
    notes: document.notes ?? '',
  };
}

export function readDocumentFormValues(form: FormFields): DocumentFormValues {
  return {
    kind: form.text('kind'),
    vehicle: form.text('vehicle'),
    number: form.text('number'),
    issuedOn: form.text('issuedOn'),
    expiresOn: form.text('expiresOn'),
    title: form.text('title'),
    notes: form.text('notes'),
  };
}

const orNull = (text: string) => (text === '' ? null : text);

/**
 * Checks the details form: a kind from the list, a vehicle among the owner's (`vehicleIds`),
 * the CMS's lengths, dates read as BS or AD with the expiry not before the issue. Answers what
 * to send to the CMS, or every error at its field.
 */
export function documentDetails(
  values: DocumentFormValues,
  locale: Locale,
  /** The owner's vehicles; undefined leaves the check to the CMS (a 404 for another's). */
  vehicleIds?: readonly string[],
): { details: DocumentDetails } | { errors: FormError[] } {
  const errors: FormError[] = [];
  if (!isDocumentKind(values.kind)) errors.push({ field: 'kind', key: 'documents.errors.kind' });
  if (values.vehicle !== '' && vehicleIds && !vehicleIds.includes(values.vehicle)) {
    errors.push({ field: 'vehicle', key: 'documents.errors.vehicle' });
  }
  for (const field of ['number', 'title', 'notes'] as const) {
    if (values[field].length > DOCUMENT_LIMITS[field]) {
      const key = `documents.errors.${field}TooLong` as MessageKey;
      errors.push({ field, key, params: { max: DOCUMENT_LIMITS[field] } });
    }
  }
  const issued = readDateField('issuedOn', values.issuedOn, locale);
  const expires = readDateField('expiresOn', values.expiresOn, locale);
  if (issued.error) errors.push(issued.error);
  if (expires.error) errors.push(expires.error);
  const issuedOn = issued.error ? undefined : issued.value;
  const expiresOn = expires.error ? undefined : expires.value;
  if (issuedOn && expiresOn && expiresOn < issuedOn) {
    errors.push({ field: 'expiresOn', key: 'documents.errors.expiresBeforeIssued' });
  }
  if (errors.length > 0 || !isDocumentKind(values.kind)) return { errors };
  return {
    details: {
      kind: values.kind,
      vehicle: orNull(values.vehicle),
      number: orNull(values.number),
      issuedOn: issuedOn ?? null,
      expiresOn: expiresOn ?? null,
      title: orNull(values.title),
      notes: orNull(values.notes),
    },
  };
}

const DETAIL_FIELDS: Record<string, MessageKey> = {
  kind: 'documents.errors.kind',
  vehicle: 'documents.errors.vehicle',
  number: 'documents.errors.number',
  issuedOn: 'documents.errors.issuedOn',
  expiresOn: 'documents.errors.expiresBeforeIssued',
  title: 'documents.errors.title',
  notes: 'documents.errors.notes',
};

/**
 * Why the CMS refused a finalise: the file (`uploadId`, with `details.rule`) as an upload
 * error the island and the page both show, or a detail at its field.
 */
export function finaliseRefusal(
  problem: CmsProblem,
): { upload: UploadError } | { error: FormError } {
  if (problem.kind === 'rejected' && problem.status === 400) {
    const { rule, errors } = detailsOf(problem);
    const path: unknown = Array.isArray(errors)
      ? (errors[0] as { path?: unknown } | undefined)?.path
      : undefined;
    const last: unknown = Array.isArray(path) ? path.at(-1) : undefined;
    const field = typeof last === 'string' ? last : undefined;
    if (rule === 'size') return { upload: 'too-large' };
    if (rule === 'type' || rule === 'mismatch') return { upload: 'refused' };
    if (field && field !== 'uploadId' && Object.hasOwn(DETAIL_FIELDS, field)) {
      return { error: { field, key: DETAIL_FIELDS[field]! } };
    }
    return { upload: 'failed' };
  }
  return { error: formErrorFor('vehicle', problem) };
}

/** Why the CMS refused a presign, as the island names it. */
export function presignRefusal(problem: CmsProblem): UploadError {
  if (problem.kind !== 'rejected' || problem.status !== 400) return 'failed';
  const errors = detailsOf(problem).errors;
  const path: unknown = Array.isArray(errors)
    ? (errors[0] as { path?: unknown } | undefined)?.path
    : undefined;
  const field = Array.isArray(path) ? path.at(-1) : undefined;
  if (field === 'size') return 'too-large';
  if (field === 'contentType') return 'type';
  return 'failed';
}
