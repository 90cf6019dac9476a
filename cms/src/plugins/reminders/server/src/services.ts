import type { Core } from '@strapi/strapi';
import { deliveriesService } from './admin-deliveries';
import { runtime } from './runtime';
import type { DueNotice, NoticeSource } from './types';

type Factory = { strapi: Core.Strapi };

/**
 * `strapi.plugin('reminders').service(name)`:
 * - `sources`: `register(source)`: the reminders domain (and tests) plug their due notices in;
 * - `outbox`: `enqueue(notices)`: immediate notices, written and queued like the tick's;
 * - `scheduler`: `tick(now?)`: what the cron runs;
 * - `dispatch`: the sender (sweep, test hooks);
 * - `deliveries`: the admin page's list, detail and retry.
 */
export default {
  sources: ({ strapi }: Factory) => ({
    register: (source: NoticeSource) => runtime(strapi).sources.register(source),
    list: () => runtime(strapi).sources.list(),
  }),
  outbox: ({ strapi }: Factory) => ({
    enqueue: (notices: DueNotice[], source?: string) =>
      runtime(strapi).scheduler.enqueue(notices, source),
  }),
  scheduler: ({ strapi }: Factory) => ({
    tick: (now?: Date, options?: { lock?: boolean }) =>
      runtime(strapi).scheduler.tick(now, options),
  }),
  dispatch: ({ strapi }: Factory) => runtime(strapi).dispatcher,
  deliveries: ({ strapi }: Factory) => deliveriesService(strapi),
};
