'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus, TextAreaField } from '@/components/ui/field';
import { initialResult, type ActionResult } from '@/lib/action-result';

export type CommentAction = (prev: ActionResult<{ id: string }>, formData: FormData) => Promise<ActionResult<{ id: string }>>;

const MAX_COMMENT = 10_000;

/** What was typed before a refusal, so the form can show it again. */
function typed(state: ActionResult<{ id: string }>, key: string) {
  const v = !state.ok && state.values ? state.values[key] : undefined;
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

const summaryClass =
  'cursor-pointer list-none rounded-md px-2 py-1 text-sm font-medium text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800 [&::-webkit-details-marker]:hidden';

/** A new top-level comment. */
export function CommentForm({ postId, action }: { postId: string; action: CommentAction }) {
  const [state, dispatch, pending] = useActionState(action, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={dispatch} noValidate className="space-y-3" key={state.ok ? state.data.id : typed(state, 'body')}>
      <input type="hidden" name="postId" value={postId} />
      <TextAreaField
        label="Add to the discussion"
        name="body"
        id="new-comment"
        rows={4}
        maxLength={MAX_COMMENT}
        defaultValue={typed(state, 'body')}
        hint="Markdown: links, emphasis, lists, quotes and code. Be kind."
        errors={errors?.body}
      />
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
      {/* On a discussion of several pages, a new comment is on the last one (oldest first). */}
      {state.ok && (
        <p className="text-sm">
          <a href={`?comment=${state.data.id}#comment-${state.data.id}`} className="font-medium text-ask-700 underline dark:text-ask-50">
            Show my comment
          </a>
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Posting…' : 'Post comment'}
      </Button>
    </form>
  );
}

/** Reply, folded away until asked for; folds again once the reply is in. */
export function ReplyForm({ postId, parentId, parentAuthor, action }: { postId: string; parentId: string; parentAuthor: string; action: CommentAction }) {
  const [state, dispatch, pending] = useActionState(action, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const failed = !state.ok && Boolean(state.error);
  return (
    <details key={state.ok ? state.data.id : 'reply'} open={failed || undefined} className="group">
      <summary className={summaryClass}>
        Reply<span className="sr-only"> to {parentAuthor}</span>
      </summary>
      <form action={dispatch} noValidate className="mt-2 space-y-2" key={typed(state, 'body')}>
        <input type="hidden" name="postId" value={postId} />
        <input type="hidden" name="parentId" value={parentId} />
        <TextAreaField
          label={`Reply to ${parentAuthor}`}
          name="body"
          id={`reply-${parentId}`}
          rows={3}
          maxLength={MAX_COMMENT}
          defaultValue={typed(state, 'body')}
          errors={errors?.body}
        />
        <FormStatus ok={state.ok} message={state.ok ? undefined : state.error} />
        <Button type="submit" disabled={pending}>
          {pending ? 'Posting…' : 'Post reply'}
        </Button>
      </form>
    </details>
  );
}

export function EditCommentForm({ commentId, body, action }: { commentId: string; body: string; action: CommentAction }) {
  const [state, dispatch, pending] = useActionState(action, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const failed = !state.ok && Boolean(state.error);
  return (
    <details key={state.ok ? `saved-${body}` : 'edit'} open={failed || undefined}>
      <summary className={summaryClass}>
        Edit<span className="sr-only"> your comment</span>
      </summary>
      <form action={dispatch} noValidate className="mt-2 space-y-2" key={typed(state, 'body')}>
        <input type="hidden" name="commentId" value={commentId} />
        <TextAreaField
          label="Edit your comment"
          name="body"
          id={`edit-${commentId}`}
          rows={4}
          maxLength={MAX_COMMENT}
          defaultValue={typed(state, 'body') || body}
          errors={errors?.body}
        />
        <FormStatus ok={state.ok} message={state.ok ? undefined : state.error} />
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save comment'}
        </Button>
      </form>
    </details>
  );
}

export function DeleteCommentForm({ commentId, hasReplies, action }: { commentId: string; hasReplies: boolean; action: CommentAction }) {
  const [state, dispatch, pending] = useActionState(action, initialResult);
  return (
    <details>
      <summary className={summaryClass}>
        Delete<span className="sr-only"> your comment</span>…
      </summary>
      <form action={dispatch} className="mt-2 space-y-2 rounded-lg border border-red-200 p-3 dark:border-red-900">
        <input type="hidden" name="commentId" value={commentId} />
        <p className="text-sm">
          {hasReplies
            ? 'The replies stay; your comment will show as “[deleted]”.'
            : 'Your comment will be removed.'}
        </p>
        <FormStatus ok={state.ok} message={state.ok ? undefined : state.error} />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? 'Deleting…' : 'Delete comment'}
        </Button>
      </form>
    </details>
  );
}
