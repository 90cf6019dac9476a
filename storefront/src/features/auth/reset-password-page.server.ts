import type { Locale } from '~/i18n';
import { formErrorFor, type FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { authApi, callContextOf } from './auth.server';
import { completeSignIn } from './sign-in.server';

/**
 * What the reset-password page shows: that the link lacks its code, the form (with any
 * errors), or the form again with the CMS's refusal of the code, which is fixed by asking for
 * a new link rather than by retyping.
 */
export type ResetPasswordView =
  | { kind: 'missing-code' }
  | { kind: 'form'; errors: FormError[] }
  | { kind: 'code-rejected'; errors: FormError[] };

function validate(password: string, confirmation: string): FormError[] {
  if (!password) return [{ field: 'password', key: 'forms.errors.passwordRequired' }];
  if (password !== confirmation) {
    return [{ field: 'passwordConfirmation', key: 'forms.errors.passwordMismatch' }];
  }
  return [];
}

/**
 * Serves the page the emailed link opens (`?code=…`). A new password signs the owner in, as
 * the CMS answers a reset with a fresh session.
 */
export async function resetPasswordPage(
  context: PageContext,
  locale: Locale,
): Promise<Response | ResetPasswordView> {
  keepPrivate(context);
  const code = context.url.searchParams.get('code')?.trim() ?? '';
  if (!code) return { kind: 'missing-code' };
  if (!isFormPost(context)) return { kind: 'form', errors: [] };

  const form = await readForm(context.request);
  const password = form.secret('password');
  const passwordConfirmation = form.secret('passwordConfirmation');
  const errors = validate(password, passwordConfirmation);
  if (errors.length > 0) return { kind: 'form', errors };
  const result = await authApi.resetPassword(
    { code, password, passwordConfirmation },
    callContextOf(context),
  );
  if (!result.ok) {
    const error = formErrorFor('resetPassword', result.problem);
    const kind = error.key === 'forms.errors.resetCodeInvalid' ? 'code-rejected' : 'form';
    return { kind, errors: [error] };
  }
  return completeSignIn(context, result.data, undefined, locale);
}
