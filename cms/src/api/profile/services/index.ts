import { serviceGetter } from '../../../lib/services';
import profile from './profile';

const services = { profile };
export default services;

/** Typed access to the profile domain's services. */
export const getProfileService = serviceGetter<typeof services>('profile');
