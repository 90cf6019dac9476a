import type { Core } from '@strapi/strapi';
import config from './config';
import { PLUGIN, TIMEZONE } from './constants';
import deliveries from './controllers';
import routes from './routes';
import { runtime } from './runtime';
import services from './services';
import { ensureTable } from './table';

export type { DueNotice, NoticeSource, Delivery } from './types';
export type { RemindersConfig } from './config';
export { smsSize } from './segments';

export default {
  config,
  controllers: { deliveries },
  routes,
  services,

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany([
      {
        section: 'plugins',
        displayName: 'Read reminder deliveries',
        uid: 'read',
        pluginName: PLUGIN,
      },
      {
        section: 'plugins',
        displayName: 'Retry a failed reminder delivery',
        uid: 'retry',
        pluginName: PLUGIN,
      },
    ]);
    await ensureTable(strapi);
    const parts = runtime(strapi);
    parts.dispatcher.start();
    strapi.cron.add({
      'reminders.tick': {
        task: async () => {
          try {
            const result = await parts.scheduler.tick();
            if ('notices' in result && result.notices > 0)
              strapi.log.info('[reminders] tick', result);
          } catch (error) {
            strapi.log.error(`[reminders] tick failed: ${(error as Error).message}`);
          }
        },
        options: { rule: parts.config.tickCron, tz: TIMEZONE },
      },
    });
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await runtime(strapi).dispatcher.stop();
  },
};
