import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import reactRenderer from '@astrojs/react/server.js';

type Component = Parameters<AstroContainer['renderToString']>[0];

let container: Promise<AstroContainer> | undefined;

/**
 * Renders an Astro component (React islands included) to HTML as a page would, without the
 * dev-only `data-astro-*` attributes, so a test can read what a visitor's browser gets.
 */
export async function renderComponent(
  component: Component,
  props: Record<string, unknown>,
  options: { slots?: Record<string, string>; locals?: Partial<App.Locals> } = {},
) {
  container ??= AstroContainer.create().then((created) => {
    created.addServerRenderer({ name: '@astrojs/react', renderer: reactRenderer });
    created.addClientRenderer({ name: '@astrojs/react', entrypoint: '@astrojs/react/client.js' });
    return created;
  });
  const html = await (
    await container
  ).renderToString(component, {
    props,
    slots: options.slots,
    locals: { requestId: 'test', session: null, csrfToken: 'c'.repeat(43), ...options.locals },
  });
  return html.replace(/\s+data-astro-[\w-]+(="[^"]*")?/g, '');
}

/** The text a reader gets from some HTML: tags dropped, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The elements (opening tag to matching close, not nested) of a tag that carry an attribute text. */
export function elements(html: string, tag: string, attribute = ''): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*${attribute}[^>]*>[\\s\\S]*?</${tag}>`, 'g');
  return html.match(pattern) ?? [];
}
