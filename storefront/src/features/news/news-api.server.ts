import { cmsApi } from '~/lib/cms';
import { createNewsApi } from './news-api';

/** The CMS's public news routes, bound to the configured CMS. */
export const newsApi = createNewsApi(cmsApi);
