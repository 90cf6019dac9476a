import cache from './cache';
import health from './health';
import metrics from './metrics';

export default { cache, health, metrics };
