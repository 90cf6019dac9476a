import type { APIRoute } from 'astro';
import { calendarFeed } from '~/features/calendar-feed/feed-proxy.server';

/** An owner's ICS feed, which phone calendars subscribe to (no sign-in: the token is the key). */
export const GET: APIRoute = ({ params, locals }) => calendarFeed(params.token, locals.requestId);
