import { serviceGetter } from '../../../lib/services';
import health from './health';

const services = { health };
export default services;

/** Typed access to the ops domain's services. */
export const getOpsService = serviceGetter<typeof services>('ops');
