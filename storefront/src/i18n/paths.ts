import { isLocale, type Locale } from './index';

/**
 * The path of the same page in another locale: swaps the leading locale segment (or adds one
 * when the path has none) and keeps the rest of the path and the query string.
 */
export function pathInLocale(url: Pick<URL, 'pathname' | 'search'>, target: Locale): string {
  const [, first = '', ...rest] = url.pathname.split('/');
  const segments = isLocale(first) ? rest : [first, ...rest];
  return `/${target}/${segments.join('/')}${url.search}`.replace(/\/{2,}/g, '/');
}
