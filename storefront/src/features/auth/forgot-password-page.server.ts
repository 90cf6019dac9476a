import { formErrorFor, type FormError } from '~/features/forms/form-errors';
import { isEmailAddress, readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { authApi, callContextOf } from './auth.server';

/** What the forgot-password page shows: the form (with any errors), or that a link is on its way. */
export type ForgotPasswordView =
  | { kind: 'form'; email: string; errors: FormError[] }
  | { kind: 'sent'; email: string };

const refused = (email: string, errors: FormError[]): ForgotPasswordView => ({
  kind: 'form',
  email,
  errors,
});

/**
 * Serves the forgot-password page. The answer is the same whether or not an account uses the
 * address, so the page cannot be used to find out who has an account.
 */
export async function forgotPasswordPage(context: PageContext): Promise<ForgotPasswordView> {
  keepPrivate(context);
  if (!isFormPost(context)) return { kind: 'form', email: '', errors: [] };
  const email = (await readForm(context.request)).text('email');
  if (!email) return refused(email, [{ field: 'email', key: 'forms.errors.emailRequired' }]);
  if (!isEmailAddress(email)) {
    return refused(email, [{ field: 'email', key: 'forms.errors.emailInvalid' }]);
  }
  const result = await authApi.forgotPassword(email, callContextOf(context));
  if (result.ok) return { kind: 'sent', email };
  return refused(email, [formErrorFor('forgotPassword', result.problem)]);
}
