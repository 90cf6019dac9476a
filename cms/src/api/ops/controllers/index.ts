import ops from './ops';

export default { ops };
