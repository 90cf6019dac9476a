import { serviceGetter } from '../../../lib/services';
import garageVersion from './garage-version';

const services = { 'garage-version': garageVersion };
export default services;

/** Typed access to the garage overview's services. */
export const getGarageService = serviceGetter<typeof services>('garage');
