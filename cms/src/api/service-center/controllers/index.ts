import savedCenters from './saved-centers';
import serviceCenters from './service-centers';

export default { 'service-centers': serviceCenters, 'saved-centers': savedCenters };
