import { CMS_URL } from 'astro:env/server';
import { logEvent } from '~/lib/log';
import { createCmsClient } from './home-page-api';

/** The home page content client (server only: `astro:env/server` cannot reach the browser). */
export const homePageApi = createCmsClient({
  baseUrl: CMS_URL,
  onFailure: (failure) => logEvent('warn', 'cms request failed', { ...failure }),
});
