import type { Domain } from '../../lib/domain';
import { onDomainEvent } from '../../lib/domain-events';
import { registerCalendarSource } from '../calendar/sources';
import { serviceRecordCalendarSource } from './calendar-source';
import { ensureServiceRecordStorage } from './indexes';
import { SERVICE_RECORD_OWNER_ACTIONS } from './permissions';
import { getServiceRecordService } from './services';

/** Services of owners' vehicles: scheduled, completed or cancelled, with their bills. */
export const serviceRecordDomain: Domain = {
  name: 'service-record',
  register(strapi) {
    onDomainEvent(strapi, 'vehicle.deleted', ({ ownerId, vehicleId }) =>
      getServiceRecordService(strapi, 'records').removeForVehicle(ownerId, vehicleId),
    );
    registerCalendarSource(strapi, serviceRecordCalendarSource(strapi));
  },
  bootstrap: ensureServiceRecordStorage,
  permissions: { owner: SERVICE_RECORD_OWNER_ACTIONS },
};
