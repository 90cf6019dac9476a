/** The owner's calendar feed token; the feed itself is public (its token is the key). */
export const CALENDAR_OWNER_ACTIONS = ['token', 'rotateToken', 'revokeToken'].map(
  (action) => `api::calendar.calendar.${action}`,
);
