import jwt from 'jsonwebtoken';
import type { Core } from '@strapi/strapi';
import { getCache, getCounters } from '../../../lib/infrastructure';

const ORIGIN = 'users-permissions';
/** Cache key prefix of a session's cached live answer. */
export const SESSION_CACHE_PREFIX = 'session:';
/** Counter-store key prefix of a revoked session's tombstone. */
export const REVOKED_PREFIX = 'session-revoked:';
/** How long a live answer is trusted; a revocation outranks it at once anyway. */
const LIVE_TTL_SECONDS = 60;
/** Outlives every live answer cached before the revocation, with room for clock drift. */
const REVOKED_TTL_SECONDS = 2 * LIVE_TTL_SECONDS;
const SESSION_UID = 'admin::session';

interface SessionRecord {
  userId: string;
  sessionId: string;
  deviceId?: string | null;
  status: string;
  absoluteExpiresAt?: string | Date | null;
}

interface RefreshPayload {
  type?: string;
  userId?: string;
  sessionId?: string;
}

/**
 * Owner sessions beyond what stock Strapi does. A login starts a session family (one
 * `deviceId`); each refresh rotates it into a new record. Revoking means deleting the whole
 * family, so every access and refresh token it ever issued stops working.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const manager = () => strapi.sessionManager(ORIGIN);
  const records = () => strapi.db.query(SESSION_UID);
  const jwtSecret = () => strapi.config.get<string>('plugin::users-permissions.jwtSecret');

  const findRecord = (sessionId: string) =>
    records().findOne({ where: { sessionId, origin: ORIGIN } }) as Promise<SessionRecord | null>;

  const revokeFamilyOf = async (record: SessionRecord) => {
    // Without a deviceId the family cannot be told apart: end all of the owner's sessions.
    await manager().invalidateRefreshToken(record.userId, record.deviceId ?? undefined);
  };

  const cache = () => getCache(strapi);
  // Tombstones live in the counter store, which cache traffic cannot evict: a flood of cache
  // entries must never bring a revoked session back.
  const counters = () => getCounters(strapi);
  const liveKey = (sessionId: string) => `${SESSION_CACHE_PREFIX}${sessionId}`;

  async function liveInDatabase(sessionId: string): Promise<{ live: boolean; ttlSeconds: number }> {
    const record = await findRecord(sessionId);
    if (!record) return { live: false, ttlSeconds: 0 };
    const expiresIn = record.absoluteExpiresAt
      ? (new Date(record.absoluteExpiresAt).getTime() - Date.now()) / 1000
      : LIVE_TTL_SECONDS;
    return { live: expiresIn > 0, ttlSeconds: Math.min(LIVE_TTL_SECONDS, expiresIn) };
  }

  return {
    /**
     * True while the session family behind an access token has not been revoked or expired.
     * A tombstone in the counter store answers first; then a cached live answer, which is
     * only ever added, never overwritten; then the database.
     */
    async isLive(sessionId: string): Promise<boolean> {
      // Both asked at once: one round trip, not two. The answer is the one asking in turn
      // would give, since a tombstone is only ever added: the tombstone still outranks.
      const [revoked, cached] = await Promise.all([
        counters()
          .isMarked(`${REVOKED_PREFIX}${sessionId}`)
          .catch(() => false),
        cache()
          .get<'live' | 'revoked'>(liveKey(sessionId))
          .catch(() => undefined),
      ]);
      if (revoked) return false;
      if (cached) return cached === 'live';
      const { live, ttlSeconds } = await liveInDatabase(sessionId);
      if (live && ttlSeconds > 0) {
        await cache()
          .add(liveKey(sessionId), 'live', ttlSeconds)
          .catch(() => false);
      }
      return live;
    },

    /** Records that these sessions are gone, for every instance, before any cached answer expires. */
    async markRevoked(sessionIds: string[]): Promise<void> {
      for (const sessionId of sessionIds) {
        await counters()
          .mark(`${REVOKED_PREFIX}${sessionId}`, REVOKED_TTL_SECONDS)
          .catch((error: Error) =>
            strapi.log.error('session revocation not recorded; it holds in the database', {
              error: error.message,
            }),
          );
        // Without a tombstone the database decides, once the cached live answer is gone.
        await cache()
          .set(liveKey(sessionId), 'revoked', LIVE_TTL_SECONDS)
          .catch(() => undefined);
      }
    },

    /** Ends the session family `sessionId` belongs to. */
    async revokeFamily(sessionId: string): Promise<void> {
      const record = await findRecord(sessionId);
      if (record) await revokeFamilyOf(record);
    },

    /** Ends every session of an owner (password changed, account blocked). */
    async revokeAll(userId: string | number): Promise<void> {
      await manager().invalidateRefreshToken(String(userId));
    },

    /**
     * Detects a refresh token presented again after it was rotated: either a thief or the
     * owner is replaying it, and nobody can tell which, so the whole family is revoked.
     * Returns true when that happened.
     */
    async revokeOnReplay(refreshToken: string): Promise<boolean> {
      let payload: RefreshPayload;
      try {
        payload = jwt.verify(refreshToken, jwtSecret(), {
          algorithms: ['HS256'],
        }) as RefreshPayload;
      } catch {
        return false;
      }
      if (payload.type !== 'refresh' || !payload.sessionId) return false;
      const record = await findRecord(payload.sessionId);
      if (!record || record.status !== 'rotated' || record.userId !== payload.userId) return false;
      await revokeFamilyOf(record);
      strapi.log.warn('refresh token replayed; session family revoked', { userId: record.userId });
      return true;
    },
  };
};
