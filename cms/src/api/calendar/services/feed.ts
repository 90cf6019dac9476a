import type { Core } from '@strapi/strapi';
import { NotFound } from '../../../lib/errors';
import { FEED_TOKEN_TABLE, hashToken, looksLikeToken, newToken } from '../feed-tokens';
import { writeCalendar } from '../ics';
import { calendarSources, type CalendarEvent } from '../sources';

const USER_UID = 'plugin::users-permissions.user';

/** Where an owner's feed is read, relative to the API's base (`/api`). */
export const feedPath = (token: string) => `/calendar/${token}.ics`;

export interface FeedTokenState {
  exists: boolean;
  createdAt: string | null;
}

/**
 * An owner's calendar feed: a secret URL (the token is shown once, when created or rotated;
 * only its hash is kept) that phone calendars subscribe to, answering every registered
 * source's events in the owner's preferred language.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.db.connection(FEED_TOKEN_TABLE);

  return {
    async state(ownerId: number): Promise<FeedTokenState> {
      const row = (await tokens().where({ owner_id: ownerId }).first('created_at')) as
        | { created_at: string | Date }
        | undefined;
      return {
        exists: Boolean(row),
        createdAt: row ? new Date(row.created_at).toISOString() : null,
      };
    },

    /** A new token, replacing any earlier one at once; the only time the token is shown. */
    async rotate(ownerId: number): Promise<{ token: string; path: string; createdAt: string }> {
      const token = newToken();
      const createdAt = new Date();
      await tokens()
        .insert({ owner_id: ownerId, token_hash: hashToken(token), created_at: createdAt })
        .onConflict('owner_id')
        .merge(['token_hash', 'created_at']);
      return { token, path: feedPath(token), createdAt: createdAt.toISOString() };
    },

    /** Revokes the owner's token; the feed URL answers 404 from now on. */
    async revoke(ownerId: number): Promise<void> {
      await tokens().where({ owner_id: ownerId }).delete();
    },

    /** The feed a token opens; an unknown, rotated or revoked token is a 404. */
    async render(token: string): Promise<string> {
      if (!looksLikeToken(token)) throw new NotFound('Calendar not found');
      const row = (await tokens()
        .where({ token_hash: hashToken(token) })
        .first('owner_id')) as { owner_id: number } | undefined;
      if (!row) throw new NotFound('Calendar not found');
      const owner = (await strapi.db
        .query(USER_UID)
        .findOne({ where: { id: row.owner_id }, select: ['preferredLocale', 'blocked'] })) as {
        preferredLocale?: string | null;
        blocked?: boolean | null;
      } | null;
      if (!owner || owner.blocked) throw new NotFound('Calendar not found');
      const locale = owner.preferredLocale ?? 'en';
      const events: CalendarEvent[] = [];
      for (const source of calendarSources(strapi)) {
        events.push(...(await source.events(row.owner_id, locale)));
      }
      events.sort((a, b) => a.start.getTime() - b.start.getTime());
      return writeCalendar(locale === 'ne' ? 'मोटरघर' : 'MotorGhar', events);
    },
  };
};
