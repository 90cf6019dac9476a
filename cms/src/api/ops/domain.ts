import type { Domain } from '../../lib/domain';
import { registerOpsRoutes } from './ops-routes';

/** Liveness, readiness, metrics and the per-request context (id, log line, latency). */
export const opsDomain: Domain = {
  name: 'ops',
  register(strapi) {
    registerOpsRoutes(strapi);
  },
};
