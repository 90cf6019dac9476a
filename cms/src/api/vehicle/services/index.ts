import { serviceGetter } from '../../../lib/services';
import garage from './garage';
import garagePhotos from './garage-photos';
import garageRecords from './garage-records';

const services = { garage, 'garage-photos': garagePhotos, 'garage-records': garageRecords };
export default services;

/** Typed access to the vehicle domain's services. */
export const getVehicleService = serviceGetter<typeof services>('vehicle');
