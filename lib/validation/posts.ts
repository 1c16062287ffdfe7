import { z } from 'zod';
import { REACTION_KINDS } from '@/lib/reactions';
import { parseTagList } from '@/lib/tags';
import { MAX_POST_BODY, MAX_TITLE_LENGTH } from './post-limits';
import { listText, singleLine } from './text';

export { MAX_POST_BODY, MAX_TITLE_LENGTH };
export const MAX_COMMENT_BODY = 10_000;
// The posts table's check constraint allows as many.
export const MAX_POST_TAGS = 4;

// Unlike names, long-form text keeps format characters (\p{Cf}): emoji joiners and soft hyphens
// are ordinary in prose. Control characters other than tab and line breaks have no use in it.
const CONTROL = /(?![\n\t])\p{Cc}/u;

/** Markdown source: NFC, Unix line breaks, no surrounding blank lines, within `max` characters. */
const markdownText = (label: string, max: number, emptyMessage: string) =>
  z
    .string({ error: emptyMessage })
    .transform((v) => v.normalize('NFC').replace(/\r\n?/g, '\n').replace(/^\s*\n/, '').trimEnd())
    .pipe(
      z
        .string()
        .refine((v) => v.trim().length > 0, emptyMessage)
        .refine((v) => [...v].length <= max, `${label} must be at most ${max.toLocaleString('en')} characters.`)
        .refine((v) => !CONTROL.test(v), `${label} contains control characters.`),
    );

const id = (what: string) => z.uuid(`That ${what} does not exist.`);

const postFields = {
  title: singleLine('Title', 1, MAX_TITLE_LENGTH),
  body: markdownText('The post', MAX_POST_BODY, 'Write the post first.'),
  tags: listText('Tags')
    .transform(parseTagList)
    .pipe(z.array(z.object({ slug: z.string(), name: z.string() })).max(MAX_POST_TAGS, `Choose at most ${MAX_POST_TAGS} tags.`)),
  // Which button was pressed: "Save draft" or "Publish".
  intent: z.enum(['draft', 'publish']).default('draft'),
};

export const createPostSchema = z.object(postFields);
export const updatePostSchema = z.object({ postId: id('post'), ...postFields });
export const deletePostSchema = z.object({ postId: id('post') });

export type PostInput = z.infer<typeof createPostSchema>;

export const previewSchema = z.object({
  body: z.string().max(MAX_POST_BODY + 1000, 'Too long to preview.').default(''),
  profile: z.enum(['full', 'comment']).default('full'),
});

export const commentSchema = z.object({
  postId: id('post'),
  parentId: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(id('comment').optional()),
  body: markdownText('Your comment', MAX_COMMENT_BODY, 'Write a comment first.'),
});

export const editCommentSchema = z.object({
  commentId: id('comment'),
  body: markdownText('Your comment', MAX_COMMENT_BODY, 'Write a comment first.'),
});

export const deleteCommentSchema = z.object({ commentId: id('comment') });

export const reactionSchema = z.object({
  target: z.enum(['post', 'comment']),
  targetId: id('post or comment'),
  // The button says what it does — "like:on" or "like:off" — so a double submit is harmless.
  reaction: z
    .string()
    .regex(new RegExp(`^(${REACTION_KINDS.join('|')}):(on|off)$`), 'Choose a reaction.')
    .transform((v) => {
      const [kind, state] = v.split(':') as [(typeof REACTION_KINDS)[number], 'on' | 'off'];
      return { kind, on: state === 'on' };
    }),
});

export const followSchema = z.object({
  memberId: id('member'),
  follow: z.enum(['1', '0']).transform((v) => v === '1'),
});

/** The slug from the URL; a malformed escape cannot be a post's slug, so it finds nothing. */
export function slugFromParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

export type CommentOrder = 'oldest' | 'newest';

/** `?comments=newest`; anything else is the default, oldest first (a discussion reads in order). */
export const parseCommentOrder = (value: unknown): CommentOrder => (value === 'newest' ? 'newest' : 'oldest');

/**
 * Where a feed page starts: just after the post (published at `at`, with `id`) that ended the
 * previous page, in the given phase — the viewer's follows, then suggestions; or recent posts for
 * visitors. `at` keeps the database's microseconds, so two posts in one millisecond are not lost.
 */
export type FeedPhase = 'following' | 'suggested' | 'recent';
export type FeedCursor = { phase: FeedPhase; at: string; id: string };

const PHASE_CODE = { following: 'f', suggested: 's', recent: 'r' } as const satisfies Record<FeedPhase, string>;
const CURSOR = /^([fsr])_(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeFeedCursor(cursor: FeedCursor): string {
  return `${PHASE_CODE[cursor.phase]}_${cursor.at}_${cursor.id}`;
}

/** A cursor from the URL, or undefined when it is missing or malformed (the feed starts over). */
export function parseFeedCursor(raw: unknown): FeedCursor | undefined {
  if (typeof raw !== 'string') return undefined;
  const match = CURSOR.exec(raw.trim());
  if (!match) return undefined;
  const [, code, at, postId] = match;
  if (Number.isNaN(Date.parse(at!))) return undefined;
  const phase = (Object.keys(PHASE_CODE) as FeedPhase[]).find((p) => PHASE_CODE[p] === code)!;
  return { phase, at: at!, id: postId! };
}
