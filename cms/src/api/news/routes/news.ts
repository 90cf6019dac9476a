import { PAGE_PARAMETERS } from '../../../lib/openapi';
import { ownerRoutes } from '../../identity/auth/owner-routes';
import { RECALL_STATUSES } from '../news-uids';
import { recallStatusInput } from '../news-input';

const TAG_QUERY = {
  tag: {
    description: 'Only articles with this tag',
    schema: { type: 'string', maxLength: 40, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
  },
};

// News is public (visitors and owners); recalls act for the signed-in owner.
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/news',
      handler: 'articles.list',
      query: { ...TAG_QUERY, ...PAGE_PARAMETERS },
      description: 'Published news, newest first; a missing translation falls back to English',
    },
    {
      method: 'GET',
      path: '/news/:slug',
      handler: 'articles.findOne',
      pathParameters: { slug: { description: "The article's slug", schema: { type: 'string' } } },
      description:
        'One published article; `body` is sanitised HTML (p, h2, h3, ul, ol, li, strong, em, blockquote, a with http(s) links)',
    },
    ...ownerRoutes([
      {
        method: 'GET',
        path: '/recalls/mine',
        handler: 'recalls.mine',
        query: {
          vehicle: {
            description: 'Only the recalls of this vehicle (its id)',
            schema: { type: 'string' },
          },
        },
        description:
          "Published recalls matching the owner's vehicles (make, model when named, year range), most severe then newest first",
      },
      {
        method: 'PUT',
        path: '/recalls/:recallId/vehicles/:vehicleId',
        handler: 'recalls.setStatus',
        body: recallStatusInput,
        pathParameters: {
          recallId: { description: "The recall's id", schema: { type: 'string' } },
          vehicleId: { description: 'The id of one of your vehicles', schema: { type: 'string' } },
        },
        description: `Sets the owner's status (${RECALL_STATUSES.join(', ')}) of a recall for one vehicle; 404 unless the recall matches that vehicle of theirs`,
      },
    ]),
  ],
};
