import { parseLocale, type Locale } from '~/i18n';
import { authApi, callContextOf } from '~/features/auth/auth.server';
import { clearTokens } from '~/features/auth/session.server';
import { formErrorFor, type FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { rememberLocale } from '~/features/language/language.server';
import type { CmsCallContext, CmsProblem } from '~/lib/cms-api';
import { profileApi } from './profile-api.server';
import {
  profileChanges,
  profileFormValues,
  readProfileForm,
  validateProfileForm,
  type ProfileFormValues,
} from './profile-form';
import { paths } from '~/lib/paths';
import { unreachable } from '~/lib/unreachable';

/** What the profile page shows. */
export type ProfileView =
  | { kind: 'unavailable' }
  | {
      kind: 'form';
      email: string;
      /** When the account was created (ISO), if the CMS said. */
      memberSince?: string;
      values: ProfileFormValues;
      /** Whether the form is fresh, just saved (after the redirect), or refused. */
      status: ProfileStatus;
    };

/** The profile form's state: `saved` comes from the redirect's `?saved=1`. */
export type ProfileStatus =
  | { kind: 'editing' }
  | { kind: 'saved' }
  | { kind: 'invalid'; errors: FormError[] };

/** How a posted profile ended. */
type SaveOutcome =
  | { kind: 'saved'; locale: Locale }
  | { kind: 'invalid'; errors: FormError[] }
  | { kind: 'signed-out' };

/** The query parameter the redirect after a save sets. */
const SAVED_PARAM = 'saved';

const isUnauthorized = (problem: CmsProblem) =>
  problem.kind === 'rejected' && problem.status === 401;

async function memberSince(accessToken: string, call: CmsCallContext): Promise<string | undefined> {
  const account = await authApi.me(accessToken, call);
  return account.ok ? account.data.createdAt : undefined;
}

function toLogin(context: PageContext, locale: Locale): Response {
  return context.redirect(paths.login(locale, paths.profile(locale)), 303);
}

async function save(
  context: PageContext,
  accessToken: string,
  values: ProfileFormValues,
): Promise<SaveOutcome> {
  const errors = validateProfileForm(values);
  if (errors.length > 0) return { kind: 'invalid', errors };
  const result = await profileApi.update(
    accessToken,
    profileChanges(values),
    callContextOf(context),
  );
  if (!result.ok) {
    return isUnauthorized(result.problem)
      ? { kind: 'signed-out' }
      : { kind: 'invalid', errors: [formErrorFor('profile', result.problem)] };
  }
  const locale = parseLocale(result.data.preferredLocale ?? undefined);
  return locale
    ? { kind: 'saved', locale }
    : { kind: 'invalid', errors: [{ key: 'forms.errors.generic' }] };
}

/**
 * Serves the profile page (signed-in owners only). A save redirects to the page in the
 * language just chosen, with a confirmation; errors keep what the owner typed.
 */
export async function profilePage(
  context: PageContext,
  locale: Locale,
): Promise<Response | ProfileView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const call = callContextOf(context);

  let submitted: { values: ProfileFormValues; errors: FormError[] } | undefined;
  if (isFormPost(context)) {
    const values = readProfileForm(await readForm(context.request));
    const outcome = await save(context, session.accessToken, values);
    switch (outcome.kind) {
      case 'signed-out':
        clearTokens(context);
        return toLogin(context, locale);
      case 'saved':
        rememberLocale(context, outcome.locale);
        return context.redirect(paths.profile(outcome.locale, { [SAVED_PARAM]: '1' }), 303);
      case 'invalid':
        submitted = { values, errors: outcome.errors };
        break;
      default:
        return unreachable(outcome);
    }
  }

  const profile = await profileApi.get(session.accessToken, call);
  if (!profile.ok) {
    if (!isUnauthorized(profile.problem)) return { kind: 'unavailable' };
    clearTokens(context);
    return toLogin(context, locale);
  }
  return {
    kind: 'form',
    email: profile.data.email,
    memberSince: profile.data.createdAt ?? (await memberSince(session.accessToken, call)),
    values: submitted?.values ?? profileFormValues(profile.data, locale),
    status: submitted
      ? { kind: 'invalid', errors: submitted.errors }
      : context.url.searchParams.has(SAVED_PARAM)
        ? { kind: 'saved' }
        : { kind: 'editing' },
  };
}
