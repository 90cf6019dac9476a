import type { MessageKey } from '~/i18n';
import type { CmsProblem } from '~/lib/cms-api';
import { detailsOf, type FormError } from '~/features/forms/form-errors';
import { ownProperty } from '~/lib/own-property';
import { lineField } from './completion-form';

/** The form input and message for each field a CMS refusal of a service can name. */
const FIELDS: Record<string, { field: string; key: MessageKey }> = {
  scheduledAt: { field: 'date', key: 'serviceRecords.errors.date' },
  completedAt: { field: 'date', key: 'serviceRecords.errors.date' },
  kind: { field: 'kind', key: 'serviceRecords.errors.kind' },
  kindLabel: { field: 'kindLabel', key: 'serviceRecords.errors.kindLabel' },
  centerName: { field: 'centerName', key: 'serviceRecords.errors.tooLongPlain' },
  notes: { field: 'notes', key: 'serviceRecords.errors.tooLongPlain' },
  // The portal checks the number, so the CMS refuses a reading for being below the last.
  odometerKm: { field: 'odometerKm', key: 'serviceRecords.errors.odometerLower' },
  costPaisa: { field: 'cost', key: 'serviceRecords.errors.costNotSum' },
};

function pathOf(problem: Extract<CmsProblem, { kind: 'rejected' }>): unknown[] {
  const errors = detailsOf(problem).errors;
  const path: unknown = Array.isArray(errors) ? (errors[0] as { path?: unknown })?.path : undefined;
  if (Array.isArray(path)) return path;
  const named = /^([A-Za-z-]+)\b/.exec(problem.message ?? '')?.[1];
  return named ? [named] : [];
}

/**
 * Explains a refused service save at the form field it concerns: the CMS's field names
 * (`scheduledAt`, `costPaisa`, `lineItems[2]`) become the form's (`date`, `cost`, the row).
 * A status that changed meanwhile (409) and a key reused with other details (422) get their
 * own messages; anything else a generic one in the owner's language.
 */
export function serviceError(problem: CmsProblem): FormError {
  if (problem.kind !== 'rejected' || problem.status >= 500) {
    return { key: 'forms.errors.unavailable' };
  }
  if (problem.status === 409) return { key: 'serviceRecords.errors.statusChanged' };
  if (problem.status === 422) return { key: 'serviceRecords.errors.alreadySent' };
  if (problem.status === 429) return { key: 'forms.errors.tooManyAttempts' };
  if (problem.status !== 400) return { key: 'forms.errors.generic' };
  const [field, index] = pathOf(problem);
  if (field === 'lineItems' && typeof index === 'number') {
    return { field: lineField(index, 'amount'), key: 'serviceRecords.errors.amount' };
  }
  const known = typeof field === 'string' ? ownProperty(FIELDS, field) : undefined;
  return known ?? { key: 'forms.errors.generic' };
}
