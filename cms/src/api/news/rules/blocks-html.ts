/**
 * Strapi `blocks` rich text to HTML, for the public news API. Built from the block tree,
 * never from stored HTML: only p, h2, h3, ul, ol, li, strong, em, blockquote and a[href]
 * with an http(s) URL come out, and every text is escaped, so nothing an editor pastes
 * (a script, a javascript: link, an image) reaches a reader's page.
 */

type Node = Record<string, unknown>;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const childrenOf = (node: Node): Node[] =>
  Array.isArray(node.children) ? node.children.filter(isNode) : [];

/** An absolute http(s) URL, or null. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function inline(node: Node): string {
  if (node.type === 'text') {
    let html = escapeHtml(typeof node.text === 'string' ? node.text : '');
    if (node.italic) html = `<em>${html}</em>`;
    if (node.bold) html = `<strong>${html}</strong>`;
    return html;
  }
  const inner = childrenOf(node).map(inline).join('');
  if (node.type === 'link') {
    const href = safeHref(node.url);
    return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
  }
  // list-item children and anything unknown: their text only.
  return inner;
}

const inlineChildren = (node: Node) => childrenOf(node).map(inline).join('');

function block(node: Node): string {
  switch (node.type) {
    case 'paragraph':
    case 'code':
      return `<p>${inlineChildren(node)}</p>`;
    case 'heading': {
      const tag = typeof node.level === 'number' && node.level >= 3 ? 'h3' : 'h2';
      return `<${tag}>${inlineChildren(node)}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${inlineChildren(node)}</blockquote>`;
    case 'list': {
      const tag = node.format === 'ordered' ? 'ol' : 'ul';
      const items = childrenOf(node)
        .map((child) =>
          child.type === 'list' ? block(child) : `<li>${inlineChildren(child)}</li>`,
        )
        .join('');
      return `<${tag}>${items}</${tag}>`;
    }
    default:
      // Images and anything a later Strapi adds are left out rather than passed through.
      return '';
  }
}

/** The body as sanitised HTML; an empty string for no body. */
export function blocksToHtml(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  return blocks.filter(isNode).map(block).join('');
}

/** Plain text to blocks: paragraphs split on blank lines (the CSV import's body columns). */
export function textToBlocks(text: string): Node[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({
      type: 'paragraph',
      children: [{ type: 'text', text: paragraph.replace(/\s*\r?\n\s*/g, ' ') }],
    }));
}
