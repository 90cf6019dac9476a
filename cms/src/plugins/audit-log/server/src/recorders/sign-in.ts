import type { Core } from '@strapi/strapi';
import { currentOrigin } from '../actor';
import type { AuditWriter } from '../writer';

/**
 * Admin sign-ins, from the events @strapi/admin's login controller emits while it serves the
 * request (so the request's address and user agent are at hand). A failure names the email
 * that was tried, never the password.
 */
export function subscribeSignIns(strapi: Core.Strapi, writer: AuditWriter) {
  strapi.eventHub.on(
    'admin.auth.success',
    async (event: { user?: { id?: unknown; email?: string }; provider?: string }) => {
      const origin = currentOrigin(strapi);
      await writer.record({
        actorKind: 'admin',
        actorId: event.user?.id === undefined ? null : String(event.user.id),
        actorName: event.user?.email ?? null,
        action: 'admin.sign-in',
        contentType: 'admin::user',
        targetDocumentId: event.user?.id === undefined ? null : String(event.user.id),
        targetLocale: null,
        diff: { provider: event.provider ?? 'local' },
        ip: origin?.ip ?? null,
        userAgent: origin?.userAgent ?? null,
      });
    },
  );

  strapi.eventHub.on('admin.auth.error', async (event: { error?: Error; provider?: string }) => {
    const origin = currentOrigin(strapi);
    const ctx = strapi.requestContext.get() as
      | { request?: { body?: { email?: unknown } } }
      | undefined;
    const email = ctx?.request?.body?.email;
    await writer.record({
      actorKind: 'admin',
      actorId: null,
      actorName: typeof email === 'string' ? email.slice(0, 255).toLowerCase() : null,
      action: 'admin.sign-in-failed',
      contentType: 'admin::user',
      targetDocumentId: null,
      targetLocale: null,
      diff: { provider: event.provider ?? 'local', reason: event.error?.message ?? 'unknown' },
      ip: origin?.ip ?? null,
      userAgent: origin?.userAgent ?? null,
    });
  });
}
