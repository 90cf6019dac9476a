import documents from './documents';
import files from './files';

export default { documents, files };
