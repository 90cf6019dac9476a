import { cmsApi } from '~/lib/cms';
import { createCalendarFeedApi } from './calendar-feed-api';

/** The owner's calendar-feed token routes, bound to the configured CMS. */
export const calendarFeedApi = createCalendarFeedApi(cmsApi);
