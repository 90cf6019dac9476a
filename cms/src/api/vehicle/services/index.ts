import garage from './garage';
import garagePhotos from './garage-photos';
import garageRecords from './garage-records';

export default { garage, 'garage-photos': garagePhotos, 'garage-records': garageRecords };
