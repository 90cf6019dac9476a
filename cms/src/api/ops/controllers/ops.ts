import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getOpsService } from '../services';
import { getMetrics } from '../../../lib/infrastructure';

/** Liveness, readiness and metrics: the operator's view of an instance. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  liveness(ctx: Context) {
    ctx.body = { status: 'ok' };
  },

  async readiness(ctx: Context) {
    const readiness = await getOpsService(strapi, 'health').readiness();
    ctx.status = readiness.status === 'ready' ? 200 : 503;
    if (readiness.down.length > 0) {
      ctx.set('retry-after', '5');
    }
    ctx.body = {
      ...readiness,
      message:
        readiness.down.length === 0 ? 'ready' : `unavailable: ${readiness.down.join(', ')} down`,
    };
  },

  async metrics(ctx: Context) {
    const metrics = getMetrics(strapi);
    ctx.type = metrics.contentType;
    ctx.body = await metrics.render();
  },
});
