import { serviceGetter } from '../../../lib/services';
import articles from './articles';
import contentImport from './content-import';
import recallNotices from './recall-notices';
import recallReader from './recall-reader';
import recalls from './recalls';

// Each does one thing; they reach each other through Strapi (api::news.<name>).
const services = {
  articles,
  recalls,
  'recall-reader': recallReader,
  'recall-notices': recallNotices,
  'content-import': contentImport,
};
export default services;

/** Typed access to the news domain's services. */
export const getNewsService = serviceGetter<typeof services>('news');
