import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';

const draining = new WeakSet<Core.Strapi>();

/** True once this instance has begun to shut down (it takes no new connection). */
export function isShuttingDown(strapi: Core.Strapi): boolean {
  return draining.has(strapi);
}

/**
 * Requests first, then the rest. Strapi's `destroy` (on SIGTERM or SIGINT, or a test's own
 * call) runs the plugins' destroy hooks, the audit log's last flush among them, then cuts
 * every open connection, then closes the database: a request still running when it starts
 * writes an audit entry after the flush (lost) or loses its database connection mid-query
 * (`Error: aborted`). This wraps `destroy` so it first stops listening, answers each
 * request still in flight (and any a kept-alive connection brings meanwhile, each with
 * `Connection: close`), waits for their handlers to finish up to `graceMs`, and only then
 * runs Strapi's order.
 * Call once from the app's bootstrap, when the HTTP server exists.
 */
export function drainRequestsBeforeDestroy(strapi: Core.Strapi, graceMs: number): void {
  const server = strapi.server.httpServer as Server;
  const open = new Set<ServerResponse>();
  let settled: (() => void) | null = null;

  // Strapi's listener returns Koa's promise for the request, which settles once every
  // middleware and the handler are done: that, not the response's end, is when a request
  // stops using the database (a client that hung up ends its response early).
  type Listener = (request: IncomingMessage, response: ServerResponse) => unknown;
  const [handle] = server.listeners('request') as Listener[];
  server.removeListener('request', handle);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (draining.has(strapi)) response.shouldKeepAlive = false;
    open.add(response);
    void Promise.resolve(handle.call(server, request, response)).finally(() => {
      open.delete(response);
      if (draining.has(strapi)) {
        server.closeIdleConnections();
        if (open.size === 0) settled?.();
      }
    });
  });
  const destroy = strapi.destroy.bind(strapi);
  strapi.destroy = async () => {
    if (!draining.has(strapi)) {
      draining.add(strapi);
      const started = Date.now();
      for (const response of open) {
        if (!response.headersSent) response.shouldKeepAlive = false;
      }
      if (server.listening) server.close();
      server.closeIdleConnections();
      if (open.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          settled = resolve;
          timer = setTimeout(resolve, graceMs);
        });
        clearTimeout(timer);
      }
      strapi.log.info('requests drained before shutdown', {
        waitedMs: Date.now() - started,
        unfinished: open.size,
      });
    }
    await destroy();
  };
}
