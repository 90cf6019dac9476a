import { serviceGetter } from '../../../lib/services';
import completion from './completion';
import creation from './creation';
import records from './records';
import spending from './spending';

// Each does one thing: reading and editing, creating once per key, completing, spending.
const services = { records, creation, completion, spending };
export default services;

/** Typed access to the service-record domain's services. */
export const getServiceRecordService = serviceGetter<typeof services>('service-record');
