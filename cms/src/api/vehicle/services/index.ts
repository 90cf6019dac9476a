import garage from './garage';
import garageRecords from './garage-records';

export default { garage, 'garage-records': garageRecords };
