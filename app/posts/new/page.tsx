import type { Metadata } from 'next';
import { requireUser } from '@/lib/session';
import { PostForm } from '../post-form';

export const metadata: Metadata = { title: 'Write a post' };

export default async function NewPostPage() {
  await requireUser('/posts/new');
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Write a post</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Share what you know or what you are figuring out. A draft is yours alone until you publish it.
        </p>
      </header>
      <PostForm />
    </div>
  );
}
