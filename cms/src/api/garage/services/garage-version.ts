import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { PageQuery } from '../../../lib/pagination';
import { getCatalogService } from '../../catalog/services';
import { getNewsService } from '../../news/services';
import { nepalToday } from '../../reminder/rules/calendar';
import { getVehicleService } from '../../vehicle/services';
import { ownerRowsDigest } from './owner-rows';

/** Changes when what goes into a version changes, so no old version matches a new one. */
const VERSION_FORMAT = 'garage-version/1';

/**
 * The version of an owner's garage overview: one page of their vehicles, their reminders
 * (urgency and projections are computed for today, in Nepal), their open recalls with
 * statuses, in one language. It is a digest of everything those answers are made of, so it
 * moves whenever any answer could: the vehicle page as its cache holds it (photo links,
 * catalog names and pictures included), the owner's vehicle, reminder, recall-status and
 * odometer rows, the published recalls and the catalog names this instance reads, and
 * today's date. A client that keeps a rendered garage asks for this first and reuses its
 * copy while the version is the same; reading the version first and the data after means a
 * copy is never older than the version it is kept under.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async version(ownerId: number, page: PageQuery, locale: string, now = new Date()) {
    const [list, rows, recalls, names] = await Promise.all([
      getVehicleService(strapi, 'vehicles').listJson(ownerId, page, locale),
      ownerRowsDigest(strapi, ownerId),
      getNewsService(strapi, 'recall-reader').fingerprint(locale),
      getCatalogService(strapi, 'catalog-names').fingerprint(locale),
    ]);
    return createHash('sha256')
      .update([VERSION_FORMAT, locale, nepalToday(now), rows, recalls, names, list].join('\n'))
      .digest('base64url');
  },
});
