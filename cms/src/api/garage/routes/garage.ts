import { PAGE_PARAMETERS } from '../../../lib/openapi';
import { ownerRoutes } from '../../identity/auth/owner-routes';

// Owner routes: the Owner role grants them; every action scopes to the signed-in owner.
export default {
  type: 'content-api',
  routes: ownerRoutes([
    {
      method: 'GET',
      path: '/garage/version',
      handler: 'garage.version',
      query: PAGE_PARAMETERS,
      description:
        "The version of the owner's garage overview for one page of vehicles (`limit` and " +
        '`cursor` as `GET /vehicles` takes them), in `locale`: `{ data: { version } }`, an ' +
        "opaque string that changes whenever that page of `GET /vehicles`, the owner's " +
        '`GET /reminders`, or `GET /recalls/mine` could answer differently (a write, a ' +
        'published recall, a renamed model, a new day in Nepal). A client that keeps what it ' +
        'rendered from those answers asks for this first and reuses its copy while the ' +
        'version is unchanged. A cursor the list refuses is refused here too (400).',
    },
  ]),
};
