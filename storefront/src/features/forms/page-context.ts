import type { AstroGlobal } from 'astro';

/** The parts of `Astro` a page's server-side handler uses. */
export type PageContext = Pick<
  AstroGlobal,
  'request' | 'cookies' | 'locals' | 'url' | 'redirect' | 'clientAddress' | 'response'
>;

/** Marks a page that renders a form (and so a CSRF token) as not cacheable. */
export function keepPrivate(context: Pick<PageContext, 'response'>): void {
  context.response.headers.set('Cache-Control', 'private, no-store');
}

/** Whether the page was asked for with a form post. */
export function isFormPost(context: Pick<PageContext, 'request'>): boolean {
  return context.request.method === 'POST';
}
