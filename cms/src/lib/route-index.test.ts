import Router from '@koa/router';
import {
  buildRouteIndex,
  candidates,
  indexRoutes,
  literalPrefix,
  type LayerRouter,
} from './route-index';

type Matched = ReturnType<Router['match']>;
const originalMatch = Router.prototype.match;

/** A router laid out as Strapi's: root routes, then prefixed API routers merged in. */
function strapiLikeRouter(): Router {
  const noop = async () => undefined;
  const root = new Router();
  root.all('/_health', noop);
  root.get('/healthz', noop);
  root.get('/metrics', noop);
  const content = new Router({ prefix: '/api' });
  content.use(noop); // an API-wide middleware: `/api(.*)`
  content.get('/vehicles', noop);
  content.post('/vehicles', noop);
  content.get('/vehicles/:id', noop);
  content.put('/vehicles/:id', noop);
  content.get('/vehicles/:id/notes', noop);
  content.get('/users/me', noop);
  content.get('/connect/(.*)', noop);
  content.get('/:model', noop);
  content.get('/catalog/makes/:id/models', noop);
  content.get('/Service-Centers', noop);
  const admin = new Router({ prefix: '/admin' });
  admin.get('/init', noop);
  admin.post('/login', noop);
  admin.get('/content-manager/collection-types/:uid', noop);
  admin.get('/upload/files', noop);
  root.use(content.routes(), content.allowedMethods());
  root.use(admin.routes(), admin.allowedMethods());
  root.get('/', noop);
  root.get(/^\/api\/regex\/\d+$/, noop);
  return root;
}

const PATHS = [
  '',
  '/',
  '//',
  '/_health',
  '/healthz',
  '/HEALTHZ',
  '/healthz/',
  '/metrics#x',
  '/api',
  '/api/',
  '/API',
  '/api/vehicles',
  '/api/vehicles/',
  '/API/Vehicles',
  '/api/vehicles#',
  '/api/vehicles?',
  '/api/vehicles/abc',
  '/api/vehicles/abc/',
  '/api/vehicles/abc/notes',
  '/api/vehicles/abc/NOTES',
  '/api/vehicles/abc/photos',
  '/api/users/me',
  '/api/users/me/x',
  '/api/connect/google',
  '/api/connect/google/callback',
  '/api/unknown',
  '/api/unknown/deeper',
  '/api/catalog/makes/1/models',
  '/api/service-centers',
  '/api/SERVICE-CENTERS',
  '/api/regex/12',
  '/api/%76ehicles',
  '/api//vehicles',
  '/api#vehicles',
  '/apix',
  '/ap',
  '/admin',
  '/admin/init',
  '/Admin/Init',
  '/admin/login',
  '/admin/content-manager/collection-types/api::vehicle.vehicle',
  '/admin/upload/files',
  '/admin/upload/files/1',
  '/nothing',
  '/nothing/at/all',
  '/\u212Aealthz',
  '/ſervice',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];

/** What a match names: each layer by its path and methods, in order. */
function described(matched: Matched) {
  const names = (layers: Matched['path']) =>
    layers.map((layer) => `${String(layer.path)} ${layer.methods.join(',')}`);
  return {
    path: names(matched.path),
    pathAndMethod: names(matched.pathAndMethod),
    route: matched.route,
  };
}

describe('route index', () => {
  it('answers every path and method exactly as the router testing every layer does', () => {
    const router = strapiLikeRouter();
    const expected = PATHS.flatMap((path) =>
      METHODS.map((method) => described(originalMatch.call(router, path, method))),
    );
    indexRoutes(router as unknown as LayerRouter);
    const actual = PATHS.flatMap((path) =>
      METHODS.map((method) => described(router.match(path, method))),
    );
    expect(actual).toEqual(expected);
    // The comparison means something: routes are found, and not everywhere.
    expect(described(router.match('/api/vehicles/abc', 'PUT')).route).toBe(true);
    expect(described(router.match('/nothing', 'GET')).route).toBe(false);
  });

  it('tests only the layers that can match', () => {
    const router = strapiLikeRouter() as unknown as LayerRouter;
    const built = buildRouteIndex(router.stack);
    const index = (path: string) => candidates(built, path).map((layer) => String(layer.path));
    // The API's own middleware, the vehicle routes, `/api/:model`, and what starts anywhere.
    expect(index('/api/vehicles/abc')).toEqual([
      '/api([^/]*)',
      '/api/vehicles',
      '/api/vehicles',
      '/api/vehicles/:id',
      '/api/vehicles/:id',
      '/api/vehicles/:id/notes',
      '/api/:model',
      '([^/]*)',
      '([^/]*)',
      '/',
      String(/^\/api\/regex\/\d+$/),
    ]);
    expect(index('/API/Users/me')).toContain('/api/users/me');
    expect(index('/admin/init')).not.toContain('/api/vehicles');
    expect(index('/nothing')).not.toContain('/healthz');
  });

  it('sees layers added after its first use', () => {
    const router = strapiLikeRouter();
    indexRoutes(router as unknown as LayerRouter);
    expect(router.match('/api/late', 'GET').route).toBe(true); // `/api/:model`
    expect(router.match('/late/route', 'GET').route).toBe(false);
    router.get('/late/route', async () => undefined);
    expect(router.match('/late/route', 'GET').route).toBe(true);
  });

  it('reads the literal start of a layer path', () => {
    expect(literalPrefix('/api/vehicles/:id')).toEqual(['api', 'vehicles']);
    expect(literalPrefix('/API/Vehicles')).toEqual(['api', 'vehicles']);
    expect(literalPrefix('/api(.*)')).toEqual([]);
    expect(literalPrefix('/api/:model')).toEqual(['api']);
    expect(literalPrefix('/')).toEqual([]);
    expect(literalPrefix('(.*)')).toEqual([]);
    expect(literalPrefix(/^\/api/)).toEqual([]);
    expect(literalPrefix('/api/files{/:name}?')).toEqual(['api']);
  });
});
