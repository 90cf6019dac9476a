import cache from './cache';
import counters from './counters';
import health from './health';
import metrics from './metrics';

export default { cache, counters, health, metrics };
