import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a capability lets its bearer do, to one key, until `exp` (Unix seconds). */
export type FileCapability =
  | { op: 'put'; key: string; contentType: string; size: number; exp: number }
  | {
      op: 'get';
      key: string;
      contentType: string;
      fileName: string;
      disposition: 'inline' | 'attachment';
      exp: number;
    };

export type CapabilityCheck =
  | { ok: true; capability: FileCapability }
  | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Signed, expiring capabilities for the local store: the token names the key and what may be
 * done with it, so the URL alone authorises one upload or one read, as a presigned S3 URL
 * does. HMAC-SHA256 over the payload; a token edited anywhere fails the check.
 */
export function createFileTokens(secret: string, now: () => number = Date.now) {
  const sign = (payload: string) =>
    createHmac('sha256', `private-files:${secret}`).update(payload).digest('base64url');

  return {
    issue(capability: FileCapability): string {
      const payload = Buffer.from(JSON.stringify(capability)).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },

    check(token: string): CapabilityCheck {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, reason: 'invalid' };
      }
      const capability = JSON.parse(
        Buffer.from(payload, 'base64url').toString('utf8'),
      ) as FileCapability;
      if (capability.exp * 1000 <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, capability };
    },
  };
}

export type FileTokens = ReturnType<typeof createFileTokens>;
