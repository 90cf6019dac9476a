import catalog from './catalog';
import catalogSeed from './catalog-seed';

export default { catalog, 'catalog-seed': catalogSeed };
