import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLocale } from '~/i18n';
import type { CmsResult } from '~/lib/cms-api';
import type { PageContext } from '~/features/forms/page-context';
import { forgotPasswordPage } from './forgot-password-page.server';
import { resetPasswordPage } from './reset-password-page.server';

// What the CMS answers next; nothing is sent anywhere.
const cms = vi.hoisted(() => ({ answer: { ok: true, data: {} } as CmsResult<unknown> }));
vi.mock('./auth.server', () => ({
  authApi: {
    forgotPassword: async () => cms.answer,
    resetPassword: async () => cms.answer,
  },
  callContextOf: () => ({ requestId: 'r1', clientAddress: '192.0.2.1' }),
}));

const en = parseLocale('en')!;

function contextFor(href: string, form?: Record<string, string>): PageContext {
  const request = new Request(
    `http://portal.test${href}`,
    form
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form),
        }
      : undefined,
  );
  return {
    request,
    url: new URL(request.url),
    locals: { requestId: 'r1', session: null, csrfToken: 'c' },
    response: { status: 200, headers: new Headers() },
  } as unknown as PageContext;
}

const rejected = (message: string): CmsResult<unknown> => ({
  ok: false,
  problem: { kind: 'rejected', status: 400, name: 'ValidationError', message },
});

beforeEach(() => {
  cms.answer = { ok: true, data: {} };
});

describe('forgotPasswordPage', () => {
  it('shows the empty form to a visitor who has not sent it', async () => {
    expect(await forgotPasswordPage(contextFor('/en/forgot-password'))).toEqual({
      kind: 'form',
      email: '',
      errors: [],
    });
  });

  it('keeps the form with the error for an address that is not one', async () => {
    const view = await forgotPasswordPage(contextFor('/en/forgot-password', { email: 'nope' }));

    expect(view).toEqual({
      kind: 'form',
      email: 'nope',
      errors: [{ field: 'email', key: 'forms.errors.emailInvalid' }],
    });
  });

  it('says the link is on its way once the CMS took the address', async () => {
    const view = await forgotPasswordPage(
      contextFor('/en/forgot-password', { email: 'a@example.com' }),
    );

    expect(view).toEqual({ kind: 'sent', email: 'a@example.com' });
  });
});

describe('resetPasswordPage', () => {
  const post = (form: Record<string, string>) =>
    resetPasswordPage(contextFor('/en/reset-password?code=abc', form), en);

  it('says the link lacks its code when it has none', async () => {
    expect(await resetPasswordPage(contextFor('/en/reset-password'), en)).toEqual({
      kind: 'missing-code',
    });
  });

  it('keeps the form for passwords that do not match', async () => {
    expect(await post({ password: 'a-long-password', passwordConfirmation: 'other' })).toEqual({
      kind: 'form',
      errors: [{ field: 'passwordConfirmation', key: 'forms.errors.passwordMismatch' }],
    });
  });

  it('tells a refused code from other refusals', async () => {
    const form = { password: 'a-long-password', passwordConfirmation: 'a-long-password' };
    cms.answer = rejected('Incorrect code provided');

    expect(await post(form)).toEqual({
      kind: 'code-rejected',
      errors: [{ key: 'forms.errors.resetCodeInvalid' }],
    });

    cms.answer = { ok: false, problem: { kind: 'unreachable', reason: 'timeout' } };
    expect(await post(form)).toMatchObject({ kind: 'form' });
  });
});
