import type { Domain } from '../../lib/domain';
import { onDomainEvent } from '../../lib/domain-events';
import { NEWS_READ_ACTIONS, RECALL_OWNER_ACTIONS } from './permissions';
import { registerNewsWrites } from './recall-writes';
import { forgetPublishedRecallsOnWrite } from './services/recall-reader';
import { RECALL_STATUS_UID } from './news-uids';
import { getNewsService } from './services';

/** News articles and recalls: edited by editors, read by everyone; recalls per owner vehicle. */
export const newsDomain: Domain = {
  name: 'news',
  register(strapi) {
    registerNewsWrites(strapi);
    forgetPublishedRecallsOnWrite(strapi);
    onDomainEvent(strapi, 'vehicle.deleted', ({ vehicleId }) =>
      getNewsService(strapi, 'recalls').vehicleDeleted(vehicleId),
    );
  },
  async bootstrap(strapi) {
    // One status per (recall, vehicle).
    const { tableName } = strapi.db.metadata.get(RECALL_STATUS_UID);
    await strapi.db.connection.raw(
      `CREATE UNIQUE INDEX IF NOT EXISTS ${tableName}_recall_vehicle_uq ON ${tableName} (recall_id, vehicle_id)`,
    );
  },
  permissions: {
    public: NEWS_READ_ACTIONS,
    owner: [...NEWS_READ_ACTIONS, ...RECALL_OWNER_ACTIONS],
  },
};
