import sessions from './sessions';

export default { sessions };
