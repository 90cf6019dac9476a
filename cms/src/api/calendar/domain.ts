import type { Domain } from '../../lib/domain';
import { ensureFeedTokenTable } from './feed-tokens';
import { CALENDAR_OWNER_ACTIONS } from './permissions';

/**
 * Owners' calendar feeds (ICS): other domains add their events as sources (sources.ts);
 * this one keeps the feed tokens and writes the calendar.
 */
export const calendarDomain: Domain = {
  name: 'calendar',
  bootstrap: ensureFeedTokenTable,
  permissions: { owner: CALENDAR_OWNER_ACTIONS },
};
