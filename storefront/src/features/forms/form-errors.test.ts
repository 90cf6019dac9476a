import { describe, expect, it } from 'vitest';
import type { CmsProblem } from '~/lib/cms-api';
import { formErrorFor } from './form-errors';

const rejected = (overrides: Partial<Extract<CmsProblem, { kind: 'rejected' }>> = {}) =>
  ({ kind: 'rejected', status: 400, name: 'ValidationError', ...overrides }) as CmsProblem;

describe('formErrorFor', () => {
  // The field name comes from the CMS's answer, which may echo a name the request carried.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'names no field for an inherited name like %s',
    (field) => {
      const problem = rejected({
        message: `${field} is not allowed`,
        details: { errors: [{ path: [field], message: 'x', name: 'ValidationError' }] },
      });

      const error = formErrorFor('profile', problem);

      expect(typeof error.key).toBe('string');
      expect(error.field === undefined || typeof error.field === 'string').toBe(true);
      expect(error.field).not.toBe(field);
    },
  );

  it("shows the CMS's refusal of quiet hours at the quiet hours' first input", () => {
    const problem = rejected({
      message: 'quietHours.end: must differ from start',
      details: {
        errors: [{ path: ['quietHours', 'end'], message: 'x', name: 'ValidationError' }],
      },
    });

    expect(formErrorFor('profile', problem)).toEqual({
      field: 'quietStart',
      key: 'forms.errors.quietHoursTime',
    });
  });

  it('shows a wrong login at the email field in the catalog words', () => {
    const problem = rejected({ message: 'Invalid identifier or password', details: {} });

    expect(formErrorFor('login', problem)).toEqual({
      field: 'email',
      key: 'forms.errors.invalidCredentials',
    });
  });

  it('tells a new owner their email is already registered', () => {
    const problem = rejected({ message: 'Email or Username are already taken' });

    expect(formErrorFor('register', problem)).toEqual({
      field: 'email',
      key: 'forms.errors.emailTaken',
    });
  });

  it.each([
    ['minLength', 'password must be at least 10 characters long'],
    ['matchesIdentity', 'password must not be your email or username'],
    ['common', 'password is too common; choose one that is harder to guess'],
  ])('explains the password rule %s at the password field', (rule, message) => {
    const problem = rejected({
      message,
      details: { rule, errors: [{ path: ['password'], message, name: 'ValidationError' }] },
    });

    expect(formErrorFor('register', problem)).toMatchObject({
      field: 'password',
      key: `forms.errors.password.${rule}`,
    });
  });

  it('keeps the minimum length the CMS names', () => {
    const problem = rejected({
      message: 'password must be at least 12 characters long',
      details: { rule: 'minLength' },
    });

    expect(formErrorFor('register', problem).params).toEqual({ min: '12' });
  });

  it('names the field of a validation error from details.errors', () => {
    const problem = rejected({
      message: 'phone: must be a Nepal mobile number, e.g. 98XXXXXXXX',
      details: { errors: [{ path: ['phone'], message: 'must be …', name: 'ValidationError' }] },
    });

    expect(formErrorFor('profile', problem)).toEqual({ field: 'phone', key: 'forms.errors.phone' });
  });

  it('names the field from the message when details do not', () => {
    const problem = rejected({ message: 'displayName: must not be empty' });

    expect(formErrorFor('profile', problem)).toEqual({
      field: 'displayName',
      key: 'forms.errors.displayName',
    });
  });

  it('does not show a field the form does not have', () => {
    const problem = rejected({ message: 'phone: invalid', details: {} });

    expect(formErrorFor('login', problem)).toEqual({ key: 'forms.errors.generic' });
  });

  it('explains a reset link that no longer works and mismatched passwords', () => {
    expect(formErrorFor('resetPassword', rejected({ message: 'Incorrect code provided' }))).toEqual(
      { key: 'forms.errors.resetCodeInvalid' },
    );
    expect(formErrorFor('resetPassword', rejected({ message: 'Passwords do not match' }))).toEqual({
      field: 'passwordConfirmation',
      key: 'forms.errors.passwordMismatch',
    });
  });

  it('says how many minutes to wait after too many attempts', () => {
    const problem = rejected({ status: 429, name: 'RateLimitError', retryAfterSeconds: 61 });

    expect(formErrorFor('login', problem)).toEqual({
      key: 'forms.errors.rateLimited',
      params: { minutes: 2 },
    });
  });

  it('asks to wait a while when the CMS gives no Retry-After', () => {
    expect(formErrorFor('login', rejected({ status: 429 }))).toEqual({
      key: 'forms.errors.tooManyAttempts',
    });
  });

  it('says the service is unavailable when the CMS is down or fails', () => {
    expect(formErrorFor('login', { kind: 'unreachable', reason: 'fetch failed' })).toEqual({
      key: 'forms.errors.unavailable',
    });
    expect(formErrorFor('login', rejected({ status: 502 }))).toEqual({
      key: 'forms.errors.unavailable',
    });
  });

  it('never shows an unknown CMS message, only the generic one', () => {
    expect(formErrorFor('register', rejected({ message: 'Something odd' }))).toEqual({
      key: 'forms.errors.generic',
    });
    expect(formErrorFor('profile', rejected({ status: 403, message: 'Forbidden' }))).toEqual({
      key: 'forms.errors.generic',
    });
  });
});
