import { describe, expect, it } from 'vitest';
import { safeArticleHtml } from './safe-html';

describe('safeArticleHtml', () => {
  it('keeps the allowed tags of the contract as they are', () => {
    const html =
      '<h2>Brakes</h2><p>Check <strong>pads</strong> and <em>discs</em>.</p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><h3>More</h3><blockquote>quote</blockquote>';
    expect(safeArticleHtml(html)).toBe(html);
  });

  it('keeps an http(s) link, marked as leading off the site', () => {
    expect(safeArticleHtml('<p><a href="https://dotm.gov.np/a?b=1&amp;c=2">DoTM</a></p>')).toBe(
      '<p><a href="https://dotm.gov.np/a?b=1&amp;c=2" rel="nofollow noopener noreferrer">DoTM</a></p>',
    );
  });

  it('drops links of any other scheme, keeping their words', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '/local',
    ]) {
      expect(safeArticleHtml(`<p><a href="${href}">x</a></p>`)).toBe('<p>x</p>');
    }
    expect(safeArticleHtml('<p><a href="java&#115;cript:alert(1)">x</a></p>')).toBe('<p>x</p>');
  });

  it('drops every attribute but a link’s href', () => {
    expect(
      safeArticleHtml(
        '<p onclick="x()" style="color:red" class="a">t</p><a href="https://a.np" onmouseover="x">y</a>',
      ),
    ).toBe('<p>t</p><a href="https://a.np" rel="nofollow noopener noreferrer">y</a>');
  });

  it('removes scripts, styles and other tags with what they hold, and comments', () => {
    expect(
      safeArticleHtml(
        '<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="x">in</iframe><!-- c --><p>b</p>',
      ),
    ).toBe('<p>a</p><p>b</p>');
  });

  it('keeps the words of tags it does not know, without the tags', () => {
    expect(safeArticleHtml('<p><span>kept</span> <img src=x onerror=alert(1)>words</p>')).toBe(
      '<p>kept words</p>',
    );
  });

  it('escapes stray angle brackets and quotes so nothing becomes markup', () => {
    expect(safeArticleHtml('<p>1 < 2 > 0 & "q"</p>')).toBe(
      '<p>1 &lt; 2 &gt; 0 &amp; &quot;q&quot;</p>',
    );
    expect(safeArticleHtml('<p>x</p><scr<script>ipt>alert(1)</p>')).toBe('<p>x</p>ipt&gt;alert(1)');
  });

  it('closes what is left open and ignores closings of what was never opened', () => {
    expect(safeArticleHtml('</div></p><p><strong>bold')).toBe('<p><strong>bold</strong></p>');
    expect(safeArticleHtml('<ul><li>a</ul>b')).toBe('<ul><li>a</li></ul>b');
  });
});
