import { serviceGetter } from '../../../lib/services';
import sessions from './sessions';

const services = { sessions };
export default services;

/** Typed access to the identity domain's services. */
export const getIdentityService = serviceGetter<typeof services>('identity');
