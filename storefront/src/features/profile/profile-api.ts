import { z } from 'astro/zod';
import type { CmsApi, CmsCallContext, CmsResult } from '~/lib/cms-api';

const profileBody = z.object({
  data: z.object({
    email: z.string(),
    displayName: z.string().nullish(),
    phone: z.string().nullish(),
    preferredLocale: z.string().nullish(),
    notificationChannels: z
      .object({ email: z.boolean(), sms: z.boolean() })
      .default({ email: true, sms: false }),
    /** No SMS between these (Nepal time), or null for none; older CMS versions leave it out. */
    quietHours: z.object({ start: z.string(), end: z.string() }).nullish(),
    /** When the account was created (ISO); older CMS versions leave it out. */
    createdAt: z.string().optional(),
  }),
});

/** The signed-in owner's profile as the CMS keeps it (phone as `+9779XXXXXXXXX`). */
export type Profile = z.infer<typeof profileBody>['data'];

/** The fields an owner may change; omitted ones stay as they are, `phone: null` clears it. */
export interface ProfileChanges {
  displayName?: string;
  phone?: string | null;
  preferredLocale?: string;
  notificationChannels?: { email: boolean; sms: boolean };
  quietHours?: { start: string; end: string } | null;
}

/** `GET` and `PUT /api/profile`, typed. */
export interface ProfileApi {
  get(accessToken: string, context: CmsCallContext): Promise<CmsResult<Profile>>;
  update(
    accessToken: string,
    changes: ProfileChanges,
    context: CmsCallContext,
  ): Promise<CmsResult<Profile>>;
}

/** Binds the profile routes to a CMS caller. */
export function createProfileApi(call: CmsApi): ProfileApi {
  const unwrap = (result: CmsResult<z.infer<typeof profileBody>>): CmsResult<Profile> =>
    result.ok ? { ok: true, data: result.data.data } : result;

  return {
    get: async (token, context) =>
      unwrap(
        await call({ method: 'GET', path: '/api/profile', token, schema: profileBody, context }),
      ),
    update: async (token, changes, context) =>
      unwrap(
        await call({
          method: 'PUT',
          path: '/api/profile',
          token,
          body: { data: changes },
          schema: profileBody,
          context,
        }),
      ),
  };
}
