import jwt from 'jsonwebtoken';
import type { Core } from '@strapi/strapi';

const ORIGIN = 'users-permissions';
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

  return {
    /** True while the session family behind an access token has not been revoked or expired. */
    async isLive(sessionId: string): Promise<boolean> {
      const record = await findRecord(sessionId);
      if (!record) return false;
      return !record.absoluteExpiresAt || new Date(record.absoluteExpiresAt).getTime() > Date.now();
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
        payload = jwt.verify(refreshToken, jwtSecret()) as RefreshPayload;
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
