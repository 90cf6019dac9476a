/**
 * The portal's own allow-list for an article's body. The CMS already sanitises it (only the
 * tags below, links with http(s)); this second pass costs little and means a CMS bug or a
 * tampered response can still not put a script, a style or an event handler on a page.
 */
const ALLOWED = new Set([
  'p',
  'h2',
  'h3',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'blockquote',
  'br',
]);
const VOID = new Set(['br']);
/** Tags dropped with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'title',
  'svg',
  'math',
  'select',
]);

const ENTITY = /^&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Escapes text, keeping the character references the CMS wrote. */
function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '&') out += ENTITY.test(text.slice(i)) ? '&' : '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '"') out += '&quot;';
    else out += char;
  }
  return out;
}

/** Decodes the character references of an attribute value (to check what a link means). */
function decodeEntities(value: string): string {
  return value.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

function safeHref(attributes: string): string | undefined {
  const match = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(attributes);
  if (!match) return undefined;
  // Browsers ignore control characters and spaces in a scheme: strip them before checking.
  const href = decodeEntities(match[1] ?? match[2] ?? match[3] ?? '').trim();
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return href
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/;

/** Returns the body with only the allowed tags (balanced) and escaped text. */
export function safeArticleHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += escapeText(html.slice(i));
      break;
    }
    out += escapeText(html.slice(i, lt));
    const rest = html.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->', 4);
      i = end === -1 ? html.length : lt + end + 3;
      continue;
    }
    const tag = TAG.exec(rest);
    if (!tag) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    i = lt + tag[0].length;
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (!closing) {
        const end = html.toLowerCase().indexOf(`</${name}`, i);
        if (end === -1) i = html.length;
        else {
          const close = html.indexOf('>', end);
          i = close === -1 ? html.length : close + 1;
        }
      }
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (closing) {
      const at = Math.max(
        open.lastIndexOf(name),
        name === 'a' ? open.lastIndexOf('a:dropped') : -1,
      );
      if (at === -1) continue;
      // Closing an outer tag closes what is still open inside it.
      while (open.length > at) {
        const inner = open.pop()!;
        if (inner !== 'a:dropped') out += `</${inner}>`;
      }
      continue;
    }
    if (VOID.has(name)) {
      out += `<${name}>`;
      continue;
    }
    if (name === 'a') {
      const href = safeHref(tag[3] ?? '');
      if (!href) {
        // A link that is not http(s): its words stay, the link goes (its closing tag too).
        open.push('a:dropped');
        continue;
      }
      out += `<a href="${href}" rel="nofollow noopener noreferrer">`;
      open.push('a');
      continue;
    }
    out += `<${name}>`;
    open.push(name);
  }
  while (open.length > 0) {
    const name = open.pop()!;
    if (name !== 'a:dropped') out += `</${name}>`;
  }
  return out;
}
