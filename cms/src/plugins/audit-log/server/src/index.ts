import type { Core } from '@strapi/strapi';
import config, { type AuditLogConfig } from './config';
import { PLUGIN } from './constants';
import contentTypes from './content-types';
import entries from './controllers';
import { documentRecorder } from './recorders/documents';
import { subscribeLifecycles } from './recorders/lifecycles';
import { subscribeSignIns } from './recorders/sign-in';
import routes from './routes';
import log from './service';

type LogService = ReturnType<typeof log>;
export type { LogService as AuditLogService };

const service = (strapi: Core.Strapi) => strapi.plugin(PLUGIN).service('log') as LogService;

export default {
  config,
  contentTypes,
  controllers: { entries },
  routes,
  services: { log },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Only roles given this action (Super Admin has every action) see the page and its API.
    await strapi.service('admin::permission').actionProvider.registerMany([
      {
        section: 'plugins',
        displayName: 'Read and export the audit log',
        uid: 'read',
        pluginName: PLUGIN,
      },
    ]);

    const settings = strapi.config.get(`plugin::${PLUGIN}`) as AuditLogConfig;
    const { writer } = service(strapi);
    subscribeLifecycles(strapi, writer, { record: settings.enabled });
    if (settings.enabled) {
      strapi.documents.use(documentRecorder(strapi, writer));
      subscribeSignIns(strapi, writer);
    }
    strapi.cron.add({
      'audit-log.prune': {
        task: async () => {
          const result = await service(strapi).prune();
          strapi.log.info('[audit-log] retention run', result);
        },
        options: { rule: settings.pruneCron },
      },
    });
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Entries queued by the last requests are written before the pool closes.
    await service(strapi).flush();
  },
};
