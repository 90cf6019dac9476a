import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../lib/env';
import { createCursorCodec, toPage, type Page, type PageQuery } from '../../lib/pagination';
import { NOTE_UID, READING_UID } from './owned-vehicles';

/**
 * Keyset pages of a vehicle's notes or odometer readings, newest first. One cursor key for
 * both, as before the split, so a cursor handed out earlier still reads.
 */
export function createRecordPages(strapi: Core.Strapi) {
  const cursors = createCursorCodec(`vehicle-records:${loadEnv().appKeys[0]}`);
  return {
    async page<Row extends { id: number }, T>(
      uid: typeof NOTE_UID | typeof READING_UID,
      vehicleId: number,
      query: PageQuery,
      map: (row: Row) => T,
    ): Promise<Page<T>> {
      const afterId = query.cursor ? cursors.decode(query.cursor) : null;
      const rows = (await strapi.db.query(uid).findMany({
        where: {
          vehicle: { id: vehicleId },
          ...(afterId === null ? {} : { id: { $lt: afterId } }),
        },
        orderBy: { id: 'desc' },
        limit: query.limit + 1,
      })) as Row[];
      return toPage(rows, query.limit, (id) => cursors.encode(id), map);
    },
  };
}
