// @koa/router 12 ships no types. The parts of it the route index's tests use (the index
// itself reads the router through its own interfaces, src/lib/route-index.ts).
declare module '@koa/router' {
  import type { Middleware } from 'koa';

  interface Layer {
    path: string | RegExp;
    methods: string[];
  }

  interface Matched {
    path: Layer[];
    pathAndMethod: Layer[];
    route: boolean;
  }

  class Router {
    constructor(options?: { prefix?: string });
    stack: Layer[];
    match(path: string, method: string): Matched;
    routes(): Middleware;
    allowedMethods(): Middleware;
    use(...middleware: Middleware[]): this;
    all(path: string | RegExp, ...middleware: Middleware[]): this;
    get(path: string | RegExp, ...middleware: Middleware[]): this;
    post(path: string | RegExp, ...middleware: Middleware[]): this;
    put(path: string | RegExp, ...middleware: Middleware[]): this;
  }

  export default Router;
}
