import type { Core } from '@strapi/strapi';
import { PLUGIN } from './constants';
import { createEntryQuery } from './query';
import { rememberBefore } from './recorders/documents';
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
    /**
     * Hands the recorder the row a service has just read and is about to update or delete
     * in this request, so the change's "before" is not read a second time (one use).
     */
    rememberBefore: (uid: string, documentId: string, row: object) =>
      rememberBefore(strapi, uid, documentId, row),
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
