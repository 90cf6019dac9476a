/**
 * Strapi mounts every route of the app (content API, admin, plugins, ours: ~330) as layers of
 * one @koa/router, whose `match` tests each layer's regular expression against the path, in
 * order, on every request: measured (bench:garage profile), about a tenth of the CMS's CPU on
 * the cached garage list. This index narrows the layers `match` tests to those that can match
 * the path's first two segments, and keeps the router's own test and order for them: the
 * answer is the router's, layer for layer.
 *
 * Why it is exact. A layer's path is compiled by path-to-regexp 6, which splits segments at
 * `/`, `#` and `?` and matches literal text case-insensitively in ASCII (no `u` flag: no other
 * character folds to an ASCII letter). So a layer whose path starts with literal segments can
 * only match a path whose segments, split the same way, are equal to them ignoring ASCII case.
 * Every layer whose path is not literal that far (a parameter, a group, a RegExp, `use()`
 * middleware written `(.*)`) stays a candidate for every path.
 */

/** The parts of an @koa/router layer and router this reads. */
export interface RouteLayer {
  path: string | RegExp;
}

export interface LayerRouter<L extends RouteLayer = RouteLayer> {
  stack: L[];
  match(path: string, method: string): unknown;
}

/** How many leading segments the index keys on. */
const DEPTH = 2;
/**
 * Characters path-to-regexp 6 gives a meaning to, and `#`, a delimiter it splits at: a layer
 * segment with none of them is literal.
 */
const NOT_LITERAL = /[:()*?+{}\\[\]#]/;
/** path-to-regexp 6's default delimiters. */
const DELIMITERS = /[/#?]/;

/** The path's segments, as path-to-regexp splits them, folded to ASCII lower case. */
function segmentsOf(path: string, depth: number): string[] {
  return path
    .split(DELIMITERS, depth + 1)
    .slice(1)
    .map(asciiLower);
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** The leading literal segments of a layer's path (none when it does not start literal). */
export function literalPrefix(path: string | RegExp, depth = DEPTH): string[] {
  if (typeof path !== 'string' || !path.startsWith('/')) return [];
  const literal: string[] = [];
  for (const segment of path.split('/').slice(1, depth + 1)) {
    if (segment === '' || NOT_LITERAL.test(segment)) break;
    literal.push(asciiLower(segment));
  }
  return literal;
}

export interface RouteIndex<L> {
  /** The stack the index was built from, and its length then. */
  stack: L[];
  size: number;
  /** Layers that may match a path whose segments are not among the literal ones. */
  anywhere: L[];
  /** First segment → layers that may match under it (its own second-level index inside). */
  first: Map<string, { rest: L[]; second: Map<string, L[]> }>;
}

/** The index of a router's layers: which may match under each literal first and second segment. */
export function buildRouteIndex<L extends RouteLayer>(stack: L[]): RouteIndex<L> {
  const prefixes = stack.map((layer) => literalPrefix(layer.path));
  const firsts = new Set(prefixes.filter((p) => p.length > 0).map((p) => p[0]));
  const first = new Map<string, { rest: L[]; second: Map<string, L[]> }>();
  for (const head of firsts) {
    const seconds = new Set(prefixes.filter((p) => p[0] === head && p.length > 1).map((p) => p[1]));
    // In stack order: the layers that start elsewhere drop out, the rest keep their place.
    const under = (second: string | undefined) =>
      stack.filter((_, index) => {
        const prefix = prefixes[index];
        if (prefix.length === 0) return true;
        if (prefix[0] !== head) return false;
        return prefix.length === 1 || prefix[1] === second;
      });
    first.set(head, {
      rest: under(undefined),
      second: new Map([...seconds].map((second) => [second, under(second)])),
    });
  }
  return {
    stack,
    size: stack.length,
    anywhere: stack.filter((_, index) => prefixes[index].length === 0),
    first,
  };
}

/** The layers worth testing against `path`, in the stack's order. */
export function candidates<L extends RouteLayer>(index: RouteIndex<L>, path: string): L[] {
  const [head, second] = segmentsOf(path, DEPTH);
  const under = head === undefined ? undefined : index.first.get(head);
  if (!under) return index.anywhere;
  return (second !== undefined && under.second.get(second)) || under.rest;
}

/**
 * Makes `router.match` test only the candidate layers of each path. The index is built on the
 * first request and again whenever layers were added since (the stack only grows).
 */
export function indexRoutes<L extends RouteLayer>(router: LayerRouter<L>): void {
  const original = router.match;
  let index: RouteIndex<L> | undefined;
  router.match = function match(this: LayerRouter<L>, path: string, method: string) {
    if (!index || index.stack !== this.stack || index.size !== this.stack.length) {
      index = buildRouteIndex(this.stack);
    }
    const view = Object.create(this) as LayerRouter<L>;
    view.stack = candidates(index, path);
    return original.call(view, path, method);
  };
}
