import type { APIRoute } from 'astro';

/** Liveness probe: answers as long as the server process can serve requests. */
export const GET: APIRoute = () =>
  Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
