import { formErrorFor, type FormError } from '~/features/forms/form-errors';
import { isEmailAddress, readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { authApi, callContextOf } from './auth.server';

/** What the forgot-password page shows: the form, or that a link is on its way. */
export interface ForgotPasswordView {
  email: string;
  sent: boolean;
  errors: FormError[];
}

/**
 * Serves the forgot-password page. The answer is the same whether or not an account uses the
 * address, so the page cannot be used to find out who has an account.
 */
export async function forgotPasswordPage(context: PageContext): Promise<ForgotPasswordView> {
  keepPrivate(context);
  if (!isFormPost(context)) return { email: '', sent: false, errors: [] };
  const email = (await readForm(context.request)).text('email');
  if (!email)
    return { email, sent: false, errors: [{ field: 'email', key: 'forms.errors.emailRequired' }] };
  if (!isEmailAddress(email)) {
    return { email, sent: false, errors: [{ field: 'email', key: 'forms.errors.emailInvalid' }] };
  }
  const result = await authApi.forgotPassword(email, callContextOf(context));
  if (result.ok) return { email, sent: true, errors: [] };
  return { email, sent: false, errors: [formErrorFor('forgotPassword', result.problem)] };
}
