'use client';

import { useActionState } from 'react';
import { MarkdownEditor } from '@/components/markdown-editor';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { FormStatus, TextField } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import { MAX_POST_BODY, MAX_TITLE_LENGTH } from '@/lib/validation/post-limits';
import { createPostAction, deletePostAction, previewMarkdownAction, updatePostAction } from './actions';

type Existing = { id: string; title: string; body: string; tags: string; status: 'draft' | 'published' };

/** Writing and editing a post: title, markdown with a live preview, tags, then draft or publish. */
export function PostForm({ post }: { post?: Existing }) {
  const [state, action, pending] = useActionState(post ? updatePostAction : createPostAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const values = (!state.ok && state.values) || {};
  const value = (key: 'title' | 'body' | 'tags') => {
    const v = values[key];
    return (Array.isArray(v) ? v[0] : v) ?? post?.[key] ?? '';
  };
  const published = post?.status === 'published';
  return (
    <form action={action} noValidate className="space-y-6" key={JSON.stringify(values)}>
      {post && <input type="hidden" name="postId" value={post.id} />}
      <TextField label="Title" name="title" required maxLength={MAX_TITLE_LENGTH} defaultValue={value('title')} errors={errors?.title} />
      <MarkdownEditor
        label="Your post"
        name="body"
        defaultValue={value('body')}
        maxLength={MAX_POST_BODY}
        hint="Markdown: headings, links, images, lists, quotes, tables and code. Raw HTML is not shown."
        errors={errors?.body}
        preview={previewMarkdownAction}
      />
      <TextField
        label="Tags"
        name="tags"
        defaultValue={value('tags')}
        hint="Up to 4, separated by commas — e.g. career, system design."
        errors={errors?.tags}
      />
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
      <div className="flex flex-wrap gap-3">
        {published ? (
          <Button type="submit" name="intent" value="publish" disabled={pending}>
            {pending ? 'Saving…' : 'Save changes'}
          </Button>
        ) : (
          <>
            <Button type="submit" name="intent" value="publish" variant="grow" disabled={pending}>
              Publish
            </Button>
            <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
              Save draft
            </Button>
          </>
        )}
      </div>
    </form>
  );
}

export function DeletePostForm({ postId }: { postId: string }) {
  const [state, action, pending] = useActionState(deletePostAction, initialResult);
  return (
    <Dialog trigger="Delete this post…" triggerVariant="danger" title="Delete this post?">
      <form action={action} className="space-y-3">
        <input type="hidden" name="postId" value={postId} />
        <p className="text-sm">The post, its comments and its reactions are removed for good.</p>
        <FormStatus ok={state.ok} message={state.ok ? undefined : state.error} />
        <div className="flex flex-wrap justify-end gap-3">
          <DialogClose />
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? 'Deleting…' : 'Delete post'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
