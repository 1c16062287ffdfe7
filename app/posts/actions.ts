'use server';

import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addComment, deleteComment, editComment } from '@/db/queries/comments';
import { followMember, unfollowMember } from '@/db/queries/follows';
import { createPost, deletePost, updatePost } from '@/db/queries/posts';
import { limitMember } from '@/db/queries/rate-limits';
import { setReaction } from '@/db/queries/reactions';
import { validatedActionWithUser } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { renderMarkdown } from '@/lib/markdown';
import { RATE_LIMITS } from '@/lib/rate-limits';
import {
  commentSchema,
  createPostSchema,
  deleteCommentSchema,
  deletePostSchema,
  editCommentSchema,
  followSchema,
  previewSchema,
  reactionSchema,
  updatePostSchema,
} from '@/lib/validation/posts';

// Saving a post lands on its page, which says what happened (?saved / ?published), so the
// answer is read where the post is. Comment, reaction and follow actions stay on the page and
// re-render it.

export const createPostAction = validatedActionWithUser(createPostSchema, async (input, user, formData) => {
  // Counted when a post is created: publishing a draft later was counted then, editing never is.
  const limited = await limitMember(RATE_LIMITS.posts, user);
  if (!limited.ok) return fail(limited.message, undefined, formData);
  const saved = await createPost(user.id, input);
  if (saved.status === 'published') revalidatePath('/feed');
  redirect(`/posts/${saved.slug}?${saved.status === 'published' ? 'published' : 'saved'}=1`);
});

export const updatePostAction = validatedActionWithUser(updatePostSchema, async ({ postId, ...input }, user, formData) => {
  const saved = await updatePost(user.id, postId, input);
  if (!saved.ok) return fail(saved.message, undefined, formData);
  revalidatePath(`/posts/${saved.slug}`);
  revalidatePath('/feed');
  redirect(`/posts/${saved.slug}?${input.intent === 'publish' ? 'published' : 'saved'}=1`);
});

export const deletePostAction = validatedActionWithUser(deletePostSchema, async ({ postId }, user) => {
  const result = await deletePost(user.id, postId);
  if (!result.ok) return fail(result.message);
  revalidatePath('/feed');
  redirect('/feed?deleted=1');
});

/** The live preview: the same sanitising pipeline as the published page, for members only. */
export const previewMarkdownAction = validatedActionWithUser(previewSchema, async ({ body, profile }) => ({
  ok: true as const,
  data: { html: renderMarkdown(body, { profile }) },
}));

export const addCommentAction = validatedActionWithUser(commentSchema, async (input, user, formData) => {
  const limited = await limitMember(RATE_LIMITS.comments, user);
  if (!limited.ok) return fail(limited.message, undefined, formData);
  const result = await addComment(user.id, input);
  if (!result.ok) return fail(result.message, undefined, formData);
  revalidatePath(`/posts/${result.slug}`);
  return { ok: true as const, data: { id: result.id }, message: 'Your comment is posted.' };
});

export const editCommentAction = validatedActionWithUser(editCommentSchema, async ({ commentId, body }, user, formData) => {
  const result = await editComment(user.id, commentId, body);
  if (!result.ok) return fail(result.message, undefined, formData);
  revalidatePath(`/posts/${result.slug}`);
  return { ok: true as const, data: { id: result.id }, message: 'Comment saved.' };
});

export const deleteCommentAction = validatedActionWithUser(deleteCommentSchema, async ({ commentId }, user) => {
  const result = await deleteComment(user.id, commentId);
  if (!result.ok) return fail(result.message);
  revalidatePath(`/posts/${result.slug}`);
  return { ok: true as const, data: { id: result.id }, message: 'Comment deleted.' };
});

export const reactAction = validatedActionWithUser(reactionSchema, async ({ target, targetId, reaction }, user) => {
  const result = await setReaction(user.id, { target, targetId, ...reaction });
  if (!result.ok) return fail(result.message);
  revalidatePath(`/posts/${result.slug}`);
  return { ok: true as const, data: undefined };
});

export const followAction = validatedActionWithUser(followSchema, async ({ memberId, follow }, user) => {
  if (follow) {
    const limited = await limitMember(RATE_LIMITS.follows, user);
    if (!limited.ok) return fail(limited.message);
  }
  const result = follow ? await followMember(user.id, memberId) : await unfollowMember(user.id, memberId);
  if (!result.ok) return fail(result.message);
  revalidatePath('/feed');
  refresh();
  return { ok: true as const, data: undefined };
});
