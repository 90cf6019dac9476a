import articles from './articles';
import recalls from './recalls';

export default { articles, recalls };
