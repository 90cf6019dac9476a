import { serviceGetter } from '../../../lib/services';
import feed from './feed';

const services = { feed };
export default services;

/** Typed access to the calendar domain's services. */
export const getCalendarService = serviceGetter<typeof services>('calendar');
