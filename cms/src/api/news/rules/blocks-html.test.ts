import { blocksToHtml } from './blocks-html';

describe('blocksToHtml', () => {
  it('renders paragraphs, headings, lists, quotes, bold, italic and http(s) links', () => {
    const html = blocksToHtml([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Recall' }] },
      { type: 'heading', level: 4, children: [{ type: 'text', text: 'Detail' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Brakes ', bold: true },
          { type: 'text', text: '& more', italic: true },
          {
            type: 'link',
            url: 'https://example.com/a?b=1&c=2',
            children: [{ type: 'text', text: 'source' }],
          },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [{ type: 'list-item', children: [{ type: 'text', text: 'one' }] }],
      },
      { type: 'quote', children: [{ type: 'text', text: 'q' }] },
    ]);
    expect(html).toBe(
      '<h2>Recall</h2><h3>Detail</h3><p><strong>Brakes </strong><em>&amp; more</em>' +
        '<a href="https://example.com/a?b=1&amp;c=2">source</a></p><ol><li>one</li></ol>' +
        '<blockquote>q</blockquote>',
    );
  });

  it('escapes markup in text and drops javascript: links, images and unknown blocks', () => {
    const html = blocksToHtml([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '<script>alert(1)</script>' },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] },
          { type: 'link', url: ' JaVaScRiPt:alert(1)', children: [{ type: 'text', text: 'y' }] },
        ],
      },
      { type: 'image', image: { url: 'https://example.com/a.png' } },
      { type: 'code', children: [{ type: 'text', text: 'a < b' }] },
      { type: 'html', value: '<iframe src=x>' },
    ]);
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;xy</p><p>a &lt; b</p>');
    expect(html).not.toMatch(/<script|javascript:|<iframe|<img/i);
  });

  it('renders nothing for a missing or malformed body', () => {
    expect(blocksToHtml(null)).toBe('');
    expect(blocksToHtml('text' as unknown)).toBe('');
    expect(blocksToHtml([{ type: 'paragraph', children: 'nope' }])).toBe('<p></p>');
  });
});
