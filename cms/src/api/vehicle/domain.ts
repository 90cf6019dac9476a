import type { Domain } from '../../lib/domain';
import { forgetGaragesOnCatalogWrite } from './garage-cache';
import { ensureVehicleIndexes } from './indexes';
import { VEHICLE_OWNER_ACTIONS } from './permissions';

/** An owner's vehicles, their notes, odometer history and photos. */
export const vehicleDomain: Domain = {
  name: 'vehicle',
  register(strapi) {
    forgetGaragesOnCatalogWrite(strapi);
  },
  bootstrap: ensureVehicleIndexes,
  permissions: { owner: VEHICLE_OWNER_ACTIONS },
};
