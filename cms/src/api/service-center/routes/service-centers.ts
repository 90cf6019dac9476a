import { ownerRoutes } from '../../identity/auth/owner-routes';
import { CENTER_LIST_DOCS } from '../center-query';
import { saveCenterInput } from '../saved-input';

const PAGE = {
  limit: CENTER_LIST_DOCS.query.limit,
  cursor: {
    description: "The previous page's `meta.pagination.nextCursor`",
    schema: { type: 'string', maxLength: 200 },
  },
};

// The finder is public (visitors and owners); saved centers are the signed-in owner's.
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/service-centers',
      handler: 'service-centers.find',
      ...CENTER_LIST_DOCS,
      refusals: {
        400: 'A bad filter: `near` outside Nepal, `radiusKm` without `near`, an unknown `make`, …',
      },
    },
    {
      method: 'GET',
      path: '/service-centers/:id',
      handler: 'service-centers.findOne',
      description: 'One published center by id or slug, with its hours, description and photos',
      pathParameters: {
        id: { description: 'The center’s id (documentId) or slug', schema: { type: 'string' } },
      },
      refusals: { 404: 'No published center has this id or slug' },
    },
    ...ownerRoutes([
      {
        method: 'GET',
        path: '/saved-centers',
        handler: 'saved-centers.list',
        description: 'The owner’s saved centers that are published, newest saved first',
        query: PAGE,
      },
      {
        method: 'POST',
        path: '/saved-centers',
        handler: 'saved-centers.save',
        description: 'Saves a center: 201 the first time, 200 with the same answer after',
        body: saveCenterInput,
        refusals: { 404: 'No published center has this id; the message names `center`' },
      },
      {
        method: 'DELETE',
        path: '/saved-centers/:centerId',
        handler: 'saved-centers.unsave',
        pathParameters: {
          centerId: { description: 'The saved center’s id', schema: { type: 'string' } },
        },
        refusals: { 404: 'The owner has not saved this center' },
      },
    ]),
  ],
};
