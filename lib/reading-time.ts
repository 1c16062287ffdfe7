import { markdownToPlainText } from '@/lib/markdown';

/** Words per minute of an adult reading on screen; the usual figure behind "n min read". */
export const WORDS_PER_MINUTE = 230;

/** Minutes to read a markdown text, rounded up, never less than one. */
export function readingMinutes(markdown: string): number {
  const words = markdownToPlainText(markdown).split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
