import type { Core } from '@strapi/strapi';
import { PLUGIN } from './constants';
import { createEntryQuery } from './query';
import { pruneExpired } from './retention';
import { verifyChain } from './verify';
import { createWriter } from './writer';
import type { AuditLogConfig } from './config';

/** The plugin's one service: `strapi.plugin('audit-log').service('log')`. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const writer = createWriter(strapi);
  const query = createEntryQuery(strapi);
  const config = () => strapi.config.get(`plugin::${PLUGIN}`) as AuditLogConfig;
  return {
    writer,
    record: writer.record,
    flush: writer.flush,
    list: query.list,
    findOne: query.findOne,
    each: query.each,
    verify: async () => {
      await writer.flush();
      return verifyChain(strapi);
    },
    /** The retention job's body (the cron task calls exactly this). */
    prune: (now?: Date) =>
      pruneExpired(strapi, writer, { retentionDays: config().retentionDays, now }),
  };
};
