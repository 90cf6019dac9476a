import type { Locale } from '~/i18n';
import { formErrorFor, type FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { authApi, callContextOf } from './auth.server';
import { completeSignIn } from './sign-in.server';

/** What the reset-password page shows; `missingCode` when the link lacks its code. */
export interface ResetPasswordView {
  missingCode: boolean;
  errors: FormError[];
}

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
  if (!code) return { missingCode: true, errors: [] };
  if (!isFormPost(context)) return { missingCode: false, errors: [] };

  const form = await readForm(context.request);
  const password = form.secret('password');
  const passwordConfirmation = form.secret('passwordConfirmation');
  const errors = validate(password, passwordConfirmation);
  if (errors.length > 0) return { missingCode: false, errors };
  const result = await authApi.resetPassword(
    { code, password, passwordConfirmation },
    callContextOf(context),
  );
  if (!result.ok)
    return { missingCode: false, errors: [formErrorFor('resetPassword', result.problem)] };
  return completeSignIn(context, result.data, undefined, locale);
}
