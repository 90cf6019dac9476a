import type { Domain } from '../../lib/domain';
import { registerCenterDocumentHooks } from './document-hooks';
import { SAVED_CENTER_OWNER_ACTIONS, SERVICE_CENTER_READ_ACTIONS } from './permissions';
import { getServiceCenterService } from './services';
import { ensureServiceCenterStorage } from './storage';

/** Service centers owners find near them, and the ones each owner saved. */
export const serviceCenterDomain: Domain = {
  name: 'service-center',
  register(strapi) {
    registerCenterDocumentHooks(strapi);
  },
  async bootstrap(strapi) {
    await ensureServiceCenterStorage(strapi);
    const index = getServiceCenterService(strapi, 'search-index');
    // Rows written past the Document Service (a restore, a bulk import) are indexed here.
    if (await index.stale()) {
      const count = await index.rebuild();
      strapi.log.info('service-center search table rebuilt', { centers: count });
    }
    await getServiceCenterService(strapi, 'search').warm();
  },
  permissions: {
    public: SERVICE_CENTER_READ_ACTIONS,
    owner: [...SERVICE_CENTER_READ_ACTIONS, ...SAVED_CENTER_OWNER_ACTIONS],
  },
};
