import { serviceGetter } from '../../../lib/services';
import catalogRules from './catalog-rules';
import notes from './notes';
import odometer from './odometer';
import photoStore from './photo-store';
import photos from './photos';
import registration from './registration';
import vehicleCache from './vehicle-cache';
import vehiclePages from './vehicle-pages';
import vehiclePresenter from './vehicle-presenter';
import vehicleRemoval from './vehicle-removal';
import vehicles from './vehicles';

// Each does one thing; `vehicles` composes the rest through Strapi (api::vehicle.<name>).
const services = {
  vehicles,
  'vehicle-presenter': vehiclePresenter,
  'vehicle-cache': vehicleCache,
  'vehicle-pages': vehiclePages,
  'catalog-rules': catalogRules,
  registration,
  odometer,
  'vehicle-removal': vehicleRemoval,
  notes,
  photos,
  'photo-store': photoStore,
};
export default services;

/** Typed access to the vehicle domain's services. */
export const getVehicleService = serviceGetter<typeof services>('vehicle');
