import type { Locale } from '~/i18n';
import { formErrorFor, type FormError } from '~/features/forms/form-errors';
import { isEmailAddress, readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { authApi, callContextOf } from './auth.server';
import { landingPath, safeNextPath } from './next-path';
import { completeSignIn } from './sign-in.server';

/** What the login page shows: the email typed so far (never the password) and any errors. */
export interface LoginView {
  email: string;
  errors: FormError[];
}

function validate(email: string, password: string): FormError[] {
  const errors: FormError[] = [];
  if (!email) errors.push({ field: 'email', key: 'forms.errors.emailRequired' });
  else if (!isEmailAddress(email))
    errors.push({ field: 'email', key: 'forms.errors.emailInvalid' });
  if (!password) errors.push({ field: 'password', key: 'forms.errors.passwordRequired' });
  return errors;
}

/** Serves the login page: the form, or on a valid post a signed-in redirect to `next`. */
export async function loginPage(
  context: PageContext,
  locale: Locale,
): Promise<Response | LoginView> {
  keepPrivate(context);
  const next = safeNextPath(context.url.searchParams.get('next'));
  const session = context.locals.session;
  if (session) return context.redirect(landingPath(next, locale), 303);
  if (!isFormPost(context)) return { email: '', errors: [] };

  const form = await readForm(context.request);
  const email = form.text('email');
  const password = form.secret('password');
  const errors = validate(email, password);
  if (errors.length > 0) return { email, errors };
  const result = await authApi.login(email, password, callContextOf(context));
  if (!result.ok) return { email, errors: [formErrorFor('login', result.problem)] };
  return completeSignIn(context, result.data, next, locale);
}
