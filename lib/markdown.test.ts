import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown } from './markdown';

const anchors = (html: string) => html.match(/<a\b[^>]*>/g) ?? [];
const hrefs = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);

/** Everything a browser could execute or be steered by, whichever profile renders it. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<(script|style|iframe|object|embed|form|textarea|svg)\b/i);
  expect(html).not.toMatch(/<input\b(?![^>]*type="checkbox")/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
  expect(html).not.toMatch(/\ssrcdoc\s*=/i);
  for (const url of hrefs(html)) expect(url).toMatch(/^(https?:|mailto:|\/|#|[^:]*$)/);
}

describe('renderMarkdown: what readers see', () => {
  it('renders headings, emphasis, lists and quotes', () => {
    const html = renderMarkdown('## Hi\n\nSome *em*, **strong** and ~~gone~~.\n\n- one\n- two\n\n3. three\n\n> quoted');
    expect(html).toContain('<h2>Hi</h2>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<strong>strong</strong>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toContain('<ol start="3">');
    expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
  });

  it('keeps a single h1 on the page: headings fit under it as an outline, skipping no level', () => {
    const levels = (md: string) => [...renderMarkdown(md).matchAll(/<h(\d)>/g)].map((m) => Number(m[1]));
    expect(renderMarkdown('# About me')).toBe('<h2>About me</h2>');
    // Six levels of markdown under the page's h1: the last one shares h6.
    expect(levels('# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F')).toEqual([2, 3, 4, 5, 6, 6]);
    // A post whose sections are "##" starts at h2, right under the page's title.
    expect(levels('## One\n\ntext\n\n### Detail\n\n## Two')).toEqual([2, 3, 2]);
    // Jumps close up; going back up a level is allowed.
    expect(levels('### Start\n\n##### Deep\n\n# Top\n\n#### Deep again')).toEqual([2, 3, 2, 3]);
    expect(levels('text only')).toEqual([]);
  });

  it('renders GFM tables with their alignment', () => {
    const html = renderMarkdown('| Skill | Years |\n|:--|--:|\n| Rust | 3 |');
    expect(html).toContain('<table>');
    expect(html).toContain('<th align="left">Skill</th>');
    expect(html).toContain('<td align="right">3</td>');
  });

  it('turns bare URLs, www. and e-mail addresses into links', () => {
    const html = renderMarkdown('See https://example.com, www.example.org or ada@example.com');
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="http://www.example.org"');
    expect(html).toContain('href="mailto:ada@example.com"');
  });

  it('keeps relative and in-page links', () => {
    const html = renderMarkdown('[Ada](/u/ada) and [below](#section)');
    expect(html).toContain('href="/u/ada"');
    expect(html).toContain('href="#section"');
  });

  it('accepts an upper-case http scheme', () => {
    expect(renderMarkdown('[x](HTTPS://example.com)')).toContain('href="https://example.com"');
  });

  it('marks every link as user content without opening a new tab', () => {
    const html = renderMarkdown(
      '[out](https://example.com) [in](/u/ada) [top](#top) <mailto:a@example.com> https://x.dev\n\nNote[^1]\n\n[^1]: Footnote',
    );
    const links = anchors(html);
    expect(links.length).toBeGreaterThanOrEqual(7);
    for (const a of links) {
      expect(a).toContain('rel="ugc nofollow noopener"');
      expect(a).not.toContain('target=');
    }
  });

  it('highlights a fenced block that names its language', () => {
    const html = renderMarkdown('```ts\nconst n: number = 1;\n```');
    expect(html).toContain('<code class="hljs language-ts">');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-number">1</span>');
  });

  it('leaves unlabelled code blocks and inline code alone', () => {
    const html = renderMarkdown('```\nconst n = 1;\n```\n\nRun `npm test`');
    expect(html).toContain('<pre><code>const n = 1;\n</code></pre>');
    expect(html).toContain('<code>npm test</code>');
    expect(html).not.toContain('hljs');
  });

  it('survives a code block in a language it does not know', () => {
    for (const lang of ['klingon', 'constructor', '__proto__']) {
      expect(renderMarkdown(`\`\`\`${lang}\nx < y\n\`\`\``)).toContain('x &#x3C; y');
    }
  });

  it('renders images lazily, with their alt text', () => {
    const html = renderMarkdown('![A cat](https://example.com/cat.png "Cat")');
    expect(html).toContain('<img src="https://example.com/cat.png" alt="A cat" title="Cat" loading="lazy">');
  });

  it('renders task lists as disabled checkboxes', () => {
    const html = renderMarkdown('- [x] done\n- [ ] todo');
    expect(html).toContain('<input type="checkbox" checked disabled> done');
    expect(html).toContain('<input type="checkbox" disabled> todo');
  });

  it('links footnote references to their (prefixed) footnotes and back', () => {
    const html = renderMarkdown('Claim[^src]\n\n[^src]: Source');
    expect(html).toContain('href="#user-content-fn-src"');
    expect(html).toContain('id="user-content-fn-src"');
    expect(html).toContain('href="#user-content-fnref-src"');
  });
});

describe('renderMarkdown: what an attacker cannot do', () => {
  it.each([
    '<script>alert(1)</script>',
    'before <script>alert(1)</script> after',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  ])('never emits a script tag for %s', (source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<script/i);
    expectInert(html);
  });

  it('shows code that mentions <script> as text', () => {
    expect(renderMarkdown('`<script>alert(1)</script>`')).toContain('<code>&#x3C;script>alert(1)&#x3C;/script></code>');
  });

  it('drops event handlers from raw HTML', () => {
    for (const source of ['<img src=x onerror=alert(1)>', 'hi <a href="/" onclick="alert(1)">x</a>', '<div onmouseover="alert(1)">x</div>']) {
      const html = renderMarkdown(source);
      expect(html).not.toMatch(/onerror|onclick|onmouseover/i);
      expectInert(html);
    }
  });

  it('drops iframes, styles, forms and style attributes', () => {
    const html = renderMarkdown(
      [
        '<iframe src="https://evil.example"></iframe>',
        '<style>body { display: none }</style>',
        '<p style="position:fixed;inset:0">cover</p>',
        '<form action="https://evil.example"><input name="password"></form>',
        '<object data="x.swf"></object><embed src="x.swf">',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/iframe|<style|style=|<form|<object|<embed|display: none/i);
    expectInert(html);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](&#x6A;avascript:alert(1))',
    '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
    '[x](<java\tscript:alert(1)>)',
    '[x](vbscript:msgbox(1))',
    '[x](VBScript:msgbox(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '<javascript:alert(1)>',
  ])('gives %s no executable href', (source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/href="(?!https?:|mailto:|\/|#)[^"]*:/i);
    for (const url of hrefs(html)) expect(url).not.toMatch(/javascript|vbscript|data:/i);
    expectInert(html);
  });

  it('leaves a link whose URL was refused as plain text, not a dead link', () => {
    expect(renderMarkdown('[click me](javascript:alert(1))')).toBe('<p>click me</p>');
  });

  it.each(['![x](javascript:alert(1))', '![x](data:image/svg+xml,<svg onload=alert(1)>)', '![x](vbscript:x)'])(
    'gives %s no src',
    (source) => {
      const html = renderMarkdown(source);
      expect(html).not.toContain('<img');
      expect(html).not.toMatch(/src=/);
      expectInert(html);
    },
  );

  it('cannot break out of attributes with quotes', () => {
    const html = renderMarkdown('[x](https://example.com/"onmouseover="alert(1) "t\\" onclick=\\"alert(1)")');
    expect(anchors(html)).toEqual([expect.stringMatching(/^<a href="[^"]*" title="[^"]*" rel="ugc nofollow noopener">$/)]);
  });

  it('keeps the comment profile just as inert', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>', {
      profile: 'comment',
    });
    expect(html).not.toMatch(/<script|javascript:|onerror/i);
    expectInert(html);
  });
});

describe('renderMarkdown: comment profile', () => {
  const comment = (source: string) => renderMarkdown(source, { profile: 'comment' });

  it('keeps the everyday formatting', () => {
    const html = comment('Hi *there* **you** ~~no~~ `x`  \nnext\n\n- a\n\n> q\n\n```js\nlet a = 1;\n```\n\n[l](https://e.com)');
    expect(html).toContain('<em>there</em>');
    expect(html).toContain('<strong>you</strong>');
    expect(html).toContain('<del>no</del>');
    expect(html).toContain('<br>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('hljs-keyword');
    expect(html).toContain('<a href="https://e.com" rel="ugc nofollow noopener">l</a>');
  });

  it('renders headings as bold paragraphs', () => {
    const html = comment('# Loud\n\n### Less loud');
    expect(html).not.toMatch(/<h[1-6]/);
    expect(html).toContain('<p><strong>Loud</strong></p>');
    expect(html).toContain('<p><strong>Less loud</strong></p>');
  });

  it('drops images but keeps their alt text', () => {
    const html = comment('Look: ![a chart](https://example.com/c.png)');
    expect(html).not.toContain('<img');
    expect(html).toBe('<p>Look: a chart</p>');
  });

  it('flattens tables into one line per row', () => {
    const html = comment('| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).not.toMatch(/<t(able|r|d|h)\b/);
    expect(html).toContain('<p>a | b</p>');
    expect(html).toContain('<p>1 | 2</p>');
  });

  it('inlines footnotes, whose ids would clash between comments', () => {
    const html = comment('Claim[^1]\n\n[^1]: Source');
    expect(html).not.toMatch(/\sid=|<sup|<section/);
    expect(html).toContain('<p>Claim[1]</p>');
    expect(html).toContain('<p>[1] Source</p>');
  });
});

describe('markdownToPlainText', () => {
  it('strips the markdown and collapses whitespace', () => {
    const text = markdownToPlainText(
      '# Hello\n\nI **mentor** in _Rust_ and `Go`.\n\n- [docs](https://x.dev)\n- ![logo](l.png)talks\n\n<b>raw</b>   html',
    );
    expect(text).toBe('Hello I mentor in Rust and Go. docs talks raw html');
  });

  it('leaves no trace of script tags', () => {
    expect(markdownToPlainText('Hi\n\n<script>alert(1)</script>\n\nthere')).toBe('Hi there');
  });

  it('returns short text unchanged', () => {
    expect(markdownToPlainText('Short *bio*.', 50)).toBe('Short bio.');
    expect(markdownToPlainText('exactly ten', 11)).toBe('exactly ten');
  });

  it('truncates at a word boundary with an ellipsis, within the limit', () => {
    const text = markdownToPlainText('I help people learn **distributed systems** and databases.', 30);
    expect(text).toBe('I help people learn…');
    expect(text.length).toBeLessThanOrEqual(30);
  });

  it('keeps the last word when the cut falls right after it', () => {
    expect(markdownToPlainText('one two three', 8)).toBe('one two…');
  });

  it('drops punctuation dangling before the ellipsis', () => {
    expect(markdownToPlainText('Rust, Go, and more things', 12)).toBe('Rust, Go…');
  });

  it('cuts a single overlong word rather than returning nothing', () => {
    expect(markdownToPlainText('Supercalifragilistic', 6)).toBe('Super…');
  });

  it('never splits an emoji', () => {
    expect(markdownToPlainText('🙂🙂🙂🙂', 3)).toBe('🙂🙂…');
  });
});
