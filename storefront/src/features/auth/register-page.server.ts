import type { Locale } from '~/i18n';
import { formErrorFor, type FormError } from '~/features/forms/form-errors';
import { isEmailAddress, readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { DISPLAY_NAME_MAX_LENGTH } from '~/features/profile/profile-form';
import { authApi, callContextOf } from './auth.server';
import { landingPath, safeNextPath } from './next-path';
import { completeSignIn } from './sign-in.server';

/** What the register page shows: what was typed (never the password) and any errors. */
export interface RegisterView {
  displayName: string;
  email: string;
  errors: FormError[];
}

function validate(view: RegisterView, password: string): FormError[] {
  const errors: FormError[] = [];
  if (view.displayName.length > DISPLAY_NAME_MAX_LENGTH) {
    errors.push({ field: 'displayName', key: 'forms.errors.displayName' });
  }
  if (!view.email) errors.push({ field: 'email', key: 'forms.errors.emailRequired' });
  else if (!isEmailAddress(view.email)) {
    errors.push({ field: 'email', key: 'forms.errors.emailInvalid' });
  }
  if (!password) errors.push({ field: 'password', key: 'forms.errors.passwordRequired' });
  return errors;
}

/**
 * Serves the register page. A new owner's language is the page's; the email is also the
 * username, since owners sign in by email.
 */
export async function registerPage(
  context: PageContext,
  locale: Locale,
): Promise<Response | RegisterView> {
  keepPrivate(context);
  const next = safeNextPath(context.url.searchParams.get('next'));
  if (context.locals.session) return context.redirect(landingPath(next, locale), 303);
  if (!isFormPost(context)) return { displayName: '', email: '', errors: [] };

  const form = await readForm(context.request);
  const view: RegisterView = {
    displayName: form.text('displayName'),
    email: form.text('email'),
    errors: [],
  };
  const password = form.secret('password');
  view.errors = validate(view, password);
  if (view.errors.length > 0) return view;
  const result = await authApi.register(
    {
      email: view.email,
      password,
      displayName: view.displayName || undefined,
      preferredLocale: locale,
    },
    callContextOf(context),
  );
  if (!result.ok) return { ...view, errors: [formErrorFor('register', result.problem)] };
  return completeSignIn(context, result.data, next, locale);
}
