import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { getPostForEdit } from '@/db/queries/posts';
import { requireUser } from '@/lib/session';
import { slugFromParam } from '@/lib/validation/posts';
import { DeletePostForm, PostForm } from '../../post-form';

export const metadata: Metadata = { title: 'Edit post', robots: { index: false } };

export default async function EditPostPage({ params }: PageProps<'/posts/[slug]/edit'>) {
  const { slug } = await params;
  const viewer = await requireUser(`/posts/${encodeURIComponent(slug)}/edit`);
  const found = await getPostForEdit(viewer.id, slugFromParam(slug));
  // Someone else's draft does not exist for the viewer.
  if (!found.ok && found.code === 'not_found') notFound();
  if (!found.ok) {
    return (
      <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
        <h1 className="text-2xl font-bold tracking-tight">You can only edit your own posts</h1>
        <p className="text-stone-700 dark:text-stone-300">
          “{found.post?.title}” was written by {found.post?.author.displayName}. You can join the discussion under it instead.
        </p>
        <Link href={`/posts/${slug}`} className={buttonClass('primary')}>
          Back to the post
        </Link>
      </div>
    );
  }
  const { post } = found;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Edit post</h1>
        <Link href={`/posts/${post.slug}`} className="text-sm text-ask-700 underline dark:text-ask-50">
          {post.status === 'draft' ? 'See the draft' : 'See the post'}
        </Link>
      </header>
      <PostForm
        post={{ id: post.id, title: post.title, body: post.body, tags: post.tags.map((t) => t.name).join(', '), status: post.status }}
      />
      <DeletePostForm postId={post.id} />
    </div>
  );
}
