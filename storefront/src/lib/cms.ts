import { CMS_URL } from 'astro:env/server';
import { createCmsApi } from './cms-api';
import { undiciTransport } from './cms-transport.server';
import { logEvent } from './log';

/**
 * The portal's caller for the CMS routes that act for an owner (server only: `astro:env/server`
 * cannot reach the browser). Logs name the route and the outcome only: never a body
 * (passwords, reset codes) or a token.
 */
export const cmsApi = createCmsApi({
  baseUrl: CMS_URL,
  transport: undiciTransport(),
  onProblem: ({ kind, path, requestId, ...rest }) => {
    const status = 'status' in rest ? rest.status : undefined;
    const reason = 'reason' in rest ? rest.reason : 'name' in rest ? rest.name : undefined;
    // Refusals of what an owner typed (400, 401, 429) are expected: log them quietly.
    const level = kind === 'rejected' && status !== undefined && status < 500 ? 'info' : 'warn';
    logEvent(level, 'cms call failed', { kind, path, requestId, status, reason });
  },
});
