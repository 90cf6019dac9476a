import { CMS_URL } from 'astro:env/server';
import { createCmsClient } from './cms-client';
import { logEvent } from './log';

/** The portal's CMS client (server only: `astro:env/server` cannot reach the browser). */
export const cms = createCmsClient({
  baseUrl: CMS_URL,
  onFailure: (failure) => logEvent('warn', 'cms request failed', { ...failure }),
});
