import { CMS_URL } from 'astro:env/server';
import { logEvent } from '~/lib/log';

// A token is 32 random bytes in base64url: 43 characters.
const TOKEN = /^[\w-]{20,200}$/;

/**
 * Passes a calendar app's request for an owner's feed to the CMS, so the link the owner
 * subscribes to is on the portal's address (the only one owners see). The token is the key:
 * an unknown, rotated or revoked one is the CMS's 404.
 */
export async function calendarFeed(
  token: string | undefined,
  requestId: string,
): Promise<Response> {
  if (!token || !TOKEN.test(token)) return new Response('Not found', { status: 404 });
  try {
    const upstream = await fetch(new URL(`/api/calendar/${token}.ics`, CMS_URL), {
      headers: { 'X-Request-Id': requestId, Accept: 'text/calendar' },
      signal: AbortSignal.timeout(10_000),
    });
    if (!upstream.ok) {
      return new Response(upstream.status === 404 ? 'Not found' : 'Bad gateway', {
        status: upstream.status === 404 ? 404 : 502,
      });
    }
    return new Response(upstream.body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Cache-Control': 'private, max-age=300',
      },
    });
  } catch (error) {
    // Never the token: it is the owner's key.
    logEvent('warn', 'calendar feed proxy failed', { requestId, reason: String(error) });
    return new Response('Bad gateway', { status: 502 });
  }
}
