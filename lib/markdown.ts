import { LRUCache } from 'lru-cache';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Heading, Nodes, Paragraph, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * 'full' is for long-form text the owner controls the page around (bios, posts);
 * 'comment' is for short replies, where headings, images and tables would let one reply
 * dominate a thread.
 */
export type MarkdownProfile = 'full' | 'comment';

export type RenderMarkdownOptions = { profile?: MarkdownProfile };

const LINK_REL = ['ugc', 'nofollow', 'noopener'];
const CLOBBER_PREFIX = 'user-content-';

// GFM task lists are the only way markdown produces an <input>; raw HTML never reaches the
// sanitizer. They are kept in both profiles (a checklist in a reply is useful) but pinned to a
// disabled checkbox, so even a future pipeline change cannot smuggle in a text field or button.
// `start` keeps a list written as "3. …" numbered from 3.
const listAttributes = {
  input: [['type', 'checkbox'], ['disabled', true], 'checked'],
  li: [['className', 'task-list-item']],
  ul: [['className', 'contains-task-list']],
  ol: ['start', ['className', 'contains-task-list']],
} satisfies SanitizeSchema['attributes'];

const taskListRequired = { input: { type: 'checkbox', disabled: true } };

// Written out in full instead of extending defaultSchema: hast-util-sanitize falls back to the
// default for any missing key, and the default allows ~60 global attributes we never need.
const baseSchema = {
  allowComments: false,
  allowDoctypes: false,
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tr: ['table'] },
  clobber: ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'],
  clobberPrefix: CLOBBER_PREFIX,
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  // Dropped with their content, not unwrapped, so e.g. CSS or script text never leaks as prose.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'form', 'textarea', 'select', 'template', 'noscript', 'svg', 'math'],
} satisfies SanitizeSchema;

const fullSchema: SanitizeSchema = {
  ...baseSchema,
  // h1 is absent on purpose: headings are shifted down, and the page owns its single h1.
  tagNames: [
    'a', 'blockquote', 'br', 'code', 'del', 'em', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'input', 'li', 'ol',
    'p', 'pre', 'section', 'strong', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
  ],
  attributes: {
    ...listAttributes,
    a: [
      'href',
      'title',
      // GFM footnotes.
      'dataFootnoteRef',
      'dataFootnoteBackref',
      'ariaDescribedBy',
      'ariaLabel',
      ['className', 'data-footnote-backref'],
    ],
    // Kept so rehype-highlight (which runs after sanitizing) knows the fenced block's language.
    code: [['className', /^language-[\w+#.-]+$/]],
    h2: ['id', ['className', 'sr-only']],
    img: ['src', 'alt', 'title', ['loading', 'lazy']],
    li: [...listAttributes.li, 'id'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    td: [['align', 'left', 'center', 'right']],
    th: [['align', 'left', 'center', 'right']],
  },
  required: { ...taskListRequired, img: { loading: 'lazy' } },
};

const commentSchema: SanitizeSchema = {
  ...baseSchema,
  tagNames: ['a', 'blockquote', 'br', 'code', 'del', 'em', 'input', 'li', 'ol', 'p', 'pre', 'strong', 'ul'],
  attributes: {
    ...listAttributes,
    a: ['href', 'title'],
    code: [['className', /^language-[\w+#.-]+$/]],
  },
  required: taskListRequired,
};

type WithChildren = { children: Nodes[] };

/** Bottom-up rewrite: `rewrite` returns the node's replacements, or undefined to keep it. */
function rewriteTree(node: Nodes, rewrite: (node: Nodes) => Nodes[] | undefined) {
  if (!('children' in node)) return;
  const next: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    rewriteTree(child, rewrite);
    next.push(...(rewrite(child) ?? [child]));
  }
  (node as WithChildren).children = next;
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

/**
 * Fits the text's headings under the page's own h1 as an outline: its top level becomes h2 (a
 * bio's "# About me" must not compete with the profile name) and no level is skipped (a post
 * whose sections are "##" would otherwise jump from the page's h1 to h3, and a reader moving by
 * headings would take it for a missing section).
 */
function outlineHeadings(tree: MdastRoot) {
  const headings: Heading[] = [];
  rewriteTree(tree, (node) => {
    if (node.type === 'heading') headings.push(node);
    return undefined;
  });
  const top = Math.min(...headings.map((h) => h.depth));
  let previous = 1;
  for (const heading of headings) {
    previous = Math.min(heading.depth - top + 2, previous + 1, 6);
    heading.depth = previous as Heading['depth'];
  }
}

// Reshaped in markdown rather than left to the sanitizer, which would unwrap a table into
// run-together cell text and lose image alt text; here the words survive in allowed elements.
function flattenForComment(node: Nodes): Nodes[] | undefined {
  switch (node.type) {
    case 'heading':
      return [{ type: 'paragraph', children: [{ type: 'strong', children: node.children }] }];
    case 'image':
    case 'imageReference':
      return node.alt ? [text(node.alt)] : [];
    case 'table':
      return node.children.map((row): Paragraph => ({
        type: 'paragraph',
        children: row.children.flatMap((cell, i) => (i === 0 ? cell.children : [text(' | '), ...cell.children])),
      }));
    // Footnote ids would collide between the many comments on one page, so inline them as text.
    case 'footnoteReference':
      return [text(`[${node.label ?? node.identifier}]`)];
    case 'footnoteDefinition': {
      const marker = text(`[${node.label ?? node.identifier}] `);
      const [first, ...rest] = node.children;
      if (first?.type === 'paragraph') return [{ ...first, children: [marker, ...first.children] }, ...rest];
      return [{ type: 'paragraph', children: [marker] }, ...node.children];
    }
    default:
      return undefined;
  }
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * The sanitizer compares protocols case-sensitively, which would silently break "HTTPS://…".
 * Lower-casing the scheme first only helps allowed ones through; JaVaScRiPt: is still refused.
 */
function lowerCaseScheme(node: Nodes) {
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
    node.url = node.url.replace(SCHEME, (scheme) => scheme.toLowerCase());
  }
}

function remarkProfile(profile: MarkdownProfile) {
  return (tree: MdastRoot) => {
    rewriteTree(tree, (node) => {
      lowerCaseScheme(node);
      return profile === 'comment' ? flattenForComment(node) : undefined;
    });
    if (profile === 'full') outlineHeadings(tree);
  };
}

function visitElements(node: HastRoot | Element, visit: (element: Element) => void) {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visit(child);
    visitElements(child, visit);
  }
}

/**
 * The sanitizer removes a bad URL but keeps the element, which would leave an <a> that looks
 * like a link and goes nowhere, or a broken-image icon. Both become their text instead.
 */
function unwrapEmptied(parent: HastRoot | Element) {
  parent.children = parent.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child as ElementContent];
    unwrapEmptied(child);
    const { href, src, alt } = child.properties;
    if (child.tagName === 'a' && href === undefined) return child.children;
    if (child.tagName === 'img' && src === undefined) return alt ? [{ type: 'text', value: String(alt) }] : [];
    return [child];
  });
}

function rehypeTidyLinks() {
  return (tree: HastRoot) => {
    unwrapEmptied(tree);
    // remark-rehype runs with no clobber prefix and the sanitizer adds it to every id, so
    // footnote links need the same prefix or they would point at ids that no longer exist.
    visitElements(tree, (element) => {
      const { href, dataFootnoteRef, dataFootnoteBackref } = element.properties;
      const isFootnote = dataFootnoteRef !== undefined || dataFootnoteBackref !== undefined;
      if (isFootnote && typeof href === 'string' && href.startsWith('#') && !href.startsWith(`#${CLOBBER_PREFIX}`)) {
        element.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
      }
    });
  };
}

/** rehype-external-links only touches absolute URLs; same-site links in user text get the same rel. */
function rehypeRelOnEveryLink() {
  return (tree: HastRoot) => {
    visitElements(tree, (element) => {
      if (element.tagName === 'a' && element.properties.rel === undefined) element.properties.rel = [...LINK_REL];
    });
  };
}

function createProcessor(profile: MarkdownProfile) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkProfile, profile)
      // No allowDangerousHtml: raw HTML in the source is dropped before the sanitizer even runs.
      .use(remarkRehype, { clobberPrefix: '' })
      .use(rehypeSanitize, profile === 'full' ? fullSchema : commentSchema)
      .use(rehypeTidyLinks)
      // After sanitizing, so the hljs-* spans it adds are not stripped. Its default language set
      // is lowlight's `common`; guessing the language of unlabelled blocks is off because
      // highlighting prose or logs as code looks broken.
      .use(rehypeHighlight, { detect: false })
      // No `target`: opening a new tab is the reader's choice.
      .use(rehypeExternalLinks, { rel: LINK_REL, protocols: ['http', 'https', 'mailto'] })
      .use(rehypeRelOnEveryLink)
      .use(rehypeStringify)
      .freeze()
  );
}

const processors = { full: createProcessor('full'), comment: createProcessor('comment') };

/**
 * Rendered HTML by profile and source. Rendering is a pure function of the two, so a remembered
 * result is never stale and another instance never needs it; a busy thread is parsed once, not
 * on every view. Bounded by size (the HTML's length), so a few huge posts cannot crowd out the rest.
 */
const rendered = new LRUCache<string, string>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (html, key) => html.length + key.length });

/** Renders user markdown to HTML that is safe to inject with dangerouslySetInnerHTML. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): string {
  const profile = options.profile ?? 'full';
  const key = `${profile}\u0000${source}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = String(processors[profile].processSync(source));
    rendered.set(key, html);
  }
  return html;
}

const plainTextParser = unified().use(remarkParse).use(remarkGfm).freeze();

const BLOCK_TYPES = new Set<string>([
  'blockquote', 'code', 'heading', 'list', 'listItem', 'paragraph', 'table', 'tableCell', 'tableRow', 'thematicBreak',
]);

function collectText(node: Nodes | RootContent, out: string[]) {
  switch (node.type) {
    // Raw HTML is not rendered either, and image alt text or footnotes read as noise in an excerpt.
    case 'html':
    case 'image':
    case 'imageReference':
    case 'definition':
    case 'footnoteDefinition':
    case 'footnoteReference':
      return;
    case 'text':
    case 'inlineCode':
    case 'code':
      out.push(node.value);
      break;
    case 'break':
      out.push(' ');
      break;
    default:
      if ('children' in node) for (const child of node.children) collectText(child, out);
  }
  // Without this, "# Title" followed by a paragraph would read "TitleFirst words".
  if (BLOCK_TYPES.has(node.type)) out.push(' ');
}

// Characters that look wrong directly before an ellipsis ("and,…", "(…").
const TRAILING_JUNK = /[\s.,;:!?'"“‘([{\-–—]+$/u;

function truncateAtWord(text: string, maxLength: number): string {
  const chars = Array.from(text); // Code points, so an emoji is never cut in half.
  if (chars.length <= maxLength) return text;
  if (maxLength < 1) return '';
  const head = chars.slice(0, maxLength - 1).join('');
  const endsOnBoundary = chars[maxLength - 1] === ' ';
  const lastSpace = head.lastIndexOf(' ');
  // A single word longer than the budget is cut mid-word rather than returning nothing.
  const cut = endsOnBoundary || lastSpace <= 0 ? head : head.slice(0, lastSpace);
  return (cut.replace(TRAILING_JUNK, '') || head.trimEnd()) + '…';
}

/** Markdown as one line of plain text, for excerpts and meta descriptions. */
export function markdownToPlainText(source: string, maxLength?: number): string {
  const out: string[] = [];
  collectText(plainTextParser.parse(source), out);
  const text = out.join('').replace(/\s+/g, ' ').trim();
  if (maxLength === undefined || !Number.isFinite(maxLength)) return text;
  return truncateAtWord(text, Math.floor(maxLength));
}
