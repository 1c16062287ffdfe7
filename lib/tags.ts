/**
 * "Machine Learning" → "machine-learning", "C++" → "cpp", "Node.js" → "node-js". Accents are
 * dropped, anything else that is not a letter or digit separates words. Empty when nothing is left.
 */
export function tagSlug(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\+\+/g, 'pp')
    .replace(/#/g, 'sharp')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** A display name for a new tag: what the person typed, tidied. */
export function tagName(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 40);
}

/** Splits "react, TypeScript,  system design" into distinct tags, keeping the first spelling. */
export function parseTagList(input: string): { slug: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const part of input.split(/[,\n]/)) {
    const slug = tagSlug(part);
    if (slug && !seen.has(slug)) seen.set(slug, tagName(part));
  }
  return [...seen].map(([slug, name]) => ({ slug, name }));
}
