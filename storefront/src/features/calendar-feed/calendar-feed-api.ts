import { z } from 'astro/zod';
import type { CmsApi, CmsResult } from '~/lib/cms-api';
import type { OwnerRequest } from '~/features/garage/vehicle-api';

const state = z.object({
  data: z.object({ exists: z.boolean(), createdAt: z.string().nullish() }),
});
const issued = z.object({
  data: z.object({ token: z.string().regex(/^[\w-]{20,200}$/), createdAt: z.string().nullish() }),
});

/** Whether the owner has a feed token, and since when; the token itself is never sent again. */
export type FeedState = z.infer<typeof state>['data'];
/** A new token: the only time it is shown. */
export type IssuedFeed = z.infer<typeof issued>['data'];

/** The owner's calendar-feed token routes, typed. */
export interface CalendarFeedApi {
  state(owner: OwnerRequest): Promise<CmsResult<FeedState>>;
  /** Creates a token, or replaces the one there is (the old URL stops at once). */
  rotate(owner: OwnerRequest): Promise<CmsResult<IssuedFeed>>;
  revoke(owner: OwnerRequest): Promise<CmsResult<unknown>>;
}

/** Binds the calendar-feed token routes to a CMS caller. */
export function createCalendarFeedApi(call: CmsApi): CalendarFeedApi {
  const path = '/api/calendar/token';
  const send = <T>(
    owner: OwnerRequest,
    method: 'GET' | 'POST' | 'DELETE',
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ) => call({ method, path, schema, token: owner.accessToken, context: owner.context });
  return {
    state: async (owner) => {
      const result = await send(owner, 'GET', state);
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
    rotate: async (owner) => {
      const result = await send(owner, 'POST', issued);
      return result.ok ? { ok: true, data: result.data.data } : result;
    },
    revoke: (owner) => send(owner, 'DELETE', z.unknown()),
  };
}

/** The feed's addresses on the portal's origin: `https://…/calendar/<token>.ics` and `webcal://…`. */
export function feedUrls(origin: string, feedPath: string): { https: string; webcal: string } {
  const https = new URL(feedPath, origin).toString();
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}
