import { describe, expect, it } from 'vitest';
import { renderMarkdown, type MarkdownProfile } from './markdown';
import { XSS_VECTORS } from './xss-corpus';

/**
 * A small tokenizer for the serialised HTML renderMarkdown returns, strict enough to be a check:
 * every `<` must start a well-formed tag (rehype-stringify escapes `<` in text), and attributes
 * are read the way a browser would, entities decoded. Anything it cannot read is a violation.
 */
type Tag = { name: string; closing: boolean; attributes: [string, string][] };

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', tab: '\t', newline: '\n', lpar: '(', rpar: ')', sol: '/',
};

function decodeEntities(value: string, problems: string[]): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1]!.toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    const named = NAMED[ref.toLowerCase()];
    if (named === undefined) problems.push(`unknown entity ${whole}`);
    return named ?? whole;
  });
}

function tokenize(html: string, problems: string[]): Tag[] {
  const tags: Tag[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
  const attribute = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    tag.lastIndex = i;
    const match = tag.exec(html);
    if (!match) {
      problems.push(`unparsed markup at ${i}: ${html.slice(i, i + 40)}`);
      continue;
    }
    const attributes: [string, string][] = [];
    for (const a of match[3]!.matchAll(attribute)) {
      attributes.push([a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? '', problems)]);
    }
    tags.push({ name: match[2]!.toLowerCase(), closing: match[1] === '/', attributes });
  }
  return tags;
}

const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link', 'svg', 'math', 'form', 'button',
  'meta', 'base', 'template', 'noscript', 'textarea', 'select', 'video', 'audio', 'source', 'details', 'marquee', 'body', 'html',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'xlink:href', 'ping']);

/** What a browser takes as the scheme: C0 controls and spaces trimmed, tabs and newlines removed anywhere. */
function scheme(url: string): string | undefined {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** Everything about this HTML that could run script or load something active. Empty when inert. */
function violations(html: string): string[] {
  const problems: string[] = [];
  for (const tag of tokenize(html, problems)) {
    if (FORBIDDEN_ELEMENTS.has(tag.name)) problems.push(`<${tag.closing ? '/' : ''}${tag.name}>`);
    if (tag.name === 'input' && !tag.attributes.some(([k, v]) => k === 'type' && v === 'checkbox')) problems.push('input that is not a checkbox');
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('on')) problems.push(`${name} on <${tag.name}>`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction' || name === 'http-equiv') problems.push(`${name} on <${tag.name}>`);
      if (URL_ATTRIBUTES.has(name)) {
        const s = scheme(value);
        if (s !== undefined && s !== 'http' && s !== 'https' && s !== 'mailto') problems.push(`${name}="${value}" on <${tag.name}>`);
      }
    }
  }
  return problems;
}

describe('the inertness check itself', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href=" java\tscript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<img src="data:image/svg+xml,x">',
    '<p style="color:red">x</p>',
    '<svg><circle/></svg>',
    '<p>unterminated <img src=x onerror=alert(1)',
    '<input type="text">',
  ])('catches %s', (html) => {
    expect(violations(html)).not.toEqual([]);
  });

  it.each([
    '<p>Hello <a href="https://example.com/?a=1&#x26;b=2" rel="ugc nofollow noopener">link</a></p>',
    '<p><a href="/u/someone">relative</a> <a href="#user-content-fn-1">note</a> <a href="mailto:a@example.com">mail</a></p>',
    '<p>text with &#x3C;script> escaped</p>',
    '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled> a</li></ul>',
    '<p><img src="https://example.com/a.png" alt="x&#x22;onerror=&#x22;y" loading="lazy"></p>',
  ])('passes safe output %s', (html) => {
    expect(violations(html)).toEqual([]);
  });
});

describe('renderMarkdown with every known XSS vector', () => {
  it('the corpus is large and varied', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_VECTORS.map((v) => v.name)).size).toBe(XSS_VECTORS.length);
  });

  for (const profile of ['full', 'comment'] satisfies MarkdownProfile[]) {
    it.each(XSS_VECTORS)(`${profile}: $name renders inert`, ({ source }) => {
      const html = renderMarkdown(source, { profile });
      expect(violations(html), html).toEqual([]);
    });
  }

  it('all vectors together, as one post, render inert', () => {
    const body = XSS_VECTORS.map((v) => v.source).join('\n\n');
    for (const profile of ['full', 'comment'] as const) expect(violations(renderMarkdown(body, { profile }))).toEqual([]);
  });
});
