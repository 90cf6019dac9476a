import { serviceGetter } from '../../../lib/services';
import catalog from './catalog';
import catalogNames from './catalog-names';
import catalogSeed from './catalog-seed';

const services = { catalog, 'catalog-names': catalogNames, 'catalog-seed': catalogSeed };
export default services;

/** Typed access to the catalog domain's services. */
export const getCatalogService = serviceGetter<typeof services>('catalog');
