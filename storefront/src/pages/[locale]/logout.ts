import { notFoundRequest } from '~/lib/not-found';
import type { APIRoute } from 'astro';
import { logOut } from '~/features/auth/logout.server';
import { parseLocale } from '~/i18n';

/** Logging out changes state, so only a (CSRF-checked) form post does it. */
export const POST: APIRoute = (context) => {
  const locale = parseLocale(context.params.locale);
  return locale ? logOut(context, locale) : context.rewrite(notFoundRequest(context));
};

/** A link or a typed address must not log anyone out. */
export const GET: APIRoute = () =>
  new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
