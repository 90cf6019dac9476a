import { serviceGetter } from '../../../lib/services';
import saved from './saved';
import search from './search';
import searchIndex from './search-index';

// The finder's reads, the owner's saved centers, and the search table they read.
const services = { search, saved, 'search-index': searchIndex };
export default services;

/** Typed access to the service-center domain's services. */
export const getServiceCenterService = serviceGetter<typeof services>('service-center');
