import type { MessageKey, MessageParams } from '~/i18n';
import type { CmsProblem } from '~/lib/cms-api';
import { ownProperty } from '~/lib/own-property';

/** One message for the error summary; with `field`, it is also shown at that input. */
export interface FormError {
  field?: string;
  key: MessageKey;
  params?: MessageParams;
}

/** The forms whose CMS errors this module explains. */
export type FormName =
  | 'login'
  | 'register'
  | 'forgotPassword'
  | 'resetPassword'
  | 'profile'
  | 'vehicle'
  | 'odometer'
  | 'note'
  | 'photos';

/** The message for each field a CMS validation error can name, by form. */
const FIELD_MESSAGES: Record<FormName, Record<string, MessageKey>> = {
  login: { identifier: 'forms.errors.invalidCredentials' },
  register: {
    email: 'forms.errors.emailInvalid',
    username: 'forms.errors.emailInvalid',
    password: 'forms.errors.password.invalid',
    displayName: 'forms.errors.displayName',
  },
  forgotPassword: { email: 'forms.errors.emailInvalid' },
  resetPassword: {
    password: 'forms.errors.password.invalid',
    passwordConfirmation: 'forms.errors.passwordMismatch',
  },
  profile: {
    displayName: 'forms.errors.displayName',
    phone: 'forms.errors.phone',
    preferredLocale: 'forms.errors.preferredLocale',
    notificationChannels: 'forms.errors.notificationChannels',
    quietHours: 'forms.errors.quietHoursTime',
  },
  vehicle: {
    makeId: 'garage.errors.makeId',
    modelId: 'garage.errors.modelId',
    trimId: 'garage.errors.trimId',
    year: 'garage.errors.year',
    registrationNumber: 'garage.errors.registrationNumber',
    vin: 'garage.errors.vin',
    nickname: 'garage.errors.nickname',
    colour: 'garage.errors.colour',
    fuel: 'garage.errors.fuel',
    purchaseDate: 'garage.errors.purchaseDate',
    odometerKm: 'garage.errors.odometerKm',
  },
  // The portal checks the number itself, so the CMS refuses a reading for being lower.
  odometer: { readingKm: 'garage.errors.readingLower', readOn: 'garage.errors.readOn' },
  note: { body: 'garage.errors.noteBody' },
  // Uploads explain their refusals in photo-upload.ts; a delete names no field.
  photos: {},
};

/** The inputs a CMS field is shown at, where the names differ. */
const FIELD_INPUTS: Record<string, string> = {
  username: 'email',
  identifier: 'email',
  quietHours: 'quietStart',
};

/** Strapi's own messages for outcomes the portal explains in the owner's language. */
const KNOWN_MESSAGES: Array<{ pattern: RegExp; error: FormError }> = [
  // Shown at the email field: it is the first input, and the CMS does not say which is wrong.
  {
    pattern: /invalid identifier or password/i,
    error: { field: 'email', key: 'forms.errors.invalidCredentials' },
  },
  {
    pattern: /already taken/i,
    error: { field: 'email', key: 'forms.errors.emailTaken' },
  },
  { pattern: /incorrect code/i, error: { key: 'forms.errors.resetCodeInvalid' } },
  {
    pattern: /passwords do not match/i,
    error: { field: 'passwordConfirmation', key: 'forms.errors.passwordMismatch' },
  },
];

const PASSWORD_RULES = new Set(['minLength', 'maxLength', 'matchesIdentity', 'common']);

export type Rejection = Extract<CmsProblem, { kind: 'rejected' }>;

/** Strapi's `details` of a refusal, or nothing when it sent none. */
export function detailsOf(problem: Rejection): { rule?: unknown; errors?: unknown } {
  const { details } = problem;
  return typeof details === 'object' && details !== null ? details : {};
}

function passwordRuleError(problem: Rejection): FormError | undefined {
  const rule = detailsOf(problem).rule;
  if (typeof rule !== 'string' || !PASSWORD_RULES.has(rule)) return undefined;
  // The CMS names the length in its message ("at least 10 characters"): keep it in step.
  const length = /(\d+)/.exec(problem.message ?? '')?.[1];
  return {
    field: 'password',
    key: `forms.errors.password.${rule}` as MessageKey,
    params: rule === 'minLength' ? { min: length ?? 10 } : { max: length ?? 128 },
  };
}

function namedField(problem: Rejection): string | undefined {
  const errors = detailsOf(problem).errors;
  const path: unknown = Array.isArray(errors) ? (errors[0] as { path?: unknown })?.path : undefined;
  if (Array.isArray(path) && typeof path[0] === 'string') return path[0];
  // Otherwise a message that starts with the field's name: "phone: must be a Nepal mobile …".
  return /^([A-Za-z]+)\b/.exec(problem.message ?? '')?.[1];
}

function fieldError(form: FormName, problem: Rejection): FormError | undefined {
  const field = namedField(problem);
  const key = field ? ownProperty(FIELD_MESSAGES[form], field) : undefined;
  if (!field || !key) return undefined;
  return { field: ownProperty(FIELD_INPUTS, field) ?? field, key };
}

function rateLimitError(problem: Rejection): FormError {
  const seconds = problem.retryAfterSeconds;
  if (seconds === undefined) return { key: 'forms.errors.tooManyAttempts' };
  return {
    key: 'forms.errors.rateLimited',
    params: { minutes: Math.max(1, Math.ceil(seconds / 60)) },
  };
}

/**
 * Explains a failed CMS call to the owner: a catalog message, and the form field it concerns
 * when the CMS named one. Unknown refusals get a generic message rather than the CMS's
 * English text, so the page stays in the owner's language.
 */
export function formErrorFor(form: FormName, problem: CmsProblem): FormError {
  if (problem.kind !== 'rejected' || problem.status >= 500) {
    return { key: 'forms.errors.unavailable' };
  }
  if (problem.status === 429) return rateLimitError(problem);
  if (problem.status !== 400) return { key: 'forms.errors.generic' };
  const known = KNOWN_MESSAGES.find(({ pattern }) => pattern.test(problem.message ?? ''));
  return (
    passwordRuleError(problem) ??
    known?.error ??
    fieldError(form, problem) ?? { key: 'forms.errors.generic' }
  );
}
