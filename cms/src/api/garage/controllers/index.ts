import garage from './garage';

export default { garage };
