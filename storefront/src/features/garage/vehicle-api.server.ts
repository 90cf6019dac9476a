import { cmsApi } from '~/lib/cms';
import { createVehicleApi } from './vehicle-api';

/** The CMS's owner-scoped vehicle routes, bound to the configured CMS. */
export const vehicleApi = createVehicleApi(cmsApi);
