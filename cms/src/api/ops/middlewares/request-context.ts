import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { isSensitiveName, REDACTED } from '../../../lib/logging/redact';
import { getMetrics } from '../../../lib/infrastructure';
import { createRequestLog } from '../../../lib/logging/request-log';

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is safe to echo and log, a new one otherwise. */
export function requestIdFrom(header: string | undefined): string {
  return header && VALID_REQUEST_ID.test(header) ? header : randomUUID();
}

type RoutedContext = Context & { _matchedRoute?: string | RegExp };

/** The path without query string, with secret route parameters (tokens, codes) masked. */
export function loggablePath(ctx: RoutedContext): string {
  const params: Record<string, string> = ctx.params ?? {};
  return Object.entries(params)
    .filter(([name, value]) => isSensitiveName(name) && value)
    .reduce((path, [, value]) => path.split(value).join(REDACTED), ctx.path);
}

/**
 * Gives every request an id (echoed as `x-request-id`), then writes one JSON log line and
 * one latency sample when it ends, whatever the outcome.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const metrics = getMetrics(strapi);
  const requestLog = createRequestLog(strapi);

  return async (ctx: RoutedContext, next: Next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(ctx.get('x-request-id') || undefined);
    ctx.state.requestId = requestId;
    ctx.set('x-request-id', requestId);
    let status = 500;
    try {
      await next();
      status = ctx.status;
    } catch (error) {
      status = (error as { status?: number }).status ?? 500;
      throw error;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // A 404 may still match the static-file catch-all; label it by outcome, not by pattern.
      const route = ctx._matchedRoute && status !== 404 ? String(ctx._matchedRoute) : 'unmatched';
      metrics.observeRequest({ method: ctx.method, route, status }, seconds);
      requestLog.write({
        requestId,
        method: ctx.method,
        route,
        path: loggablePath(ctx),
        status,
        durationMs: Math.round(seconds * 1e5) / 100,
      });
    }
  };
};
