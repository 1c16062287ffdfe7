import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime } from '@/components/local-time';
import { PostCard } from '@/components/post-card';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { loadFeed } from '@/db/queries/feed';
import { listDrafts } from '@/db/queries/posts';
import { currentUser } from '@/lib/session';
import { encodeFeedCursor, parseFeedCursor } from '@/lib/validation/posts';
import { alternatesFor } from '@/lib/site-metadata';
import { Toast } from '@/components/ui/toast';
import { EmptyState } from '@/components/ui/empty-state';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = {
  title: 'Feed',
  description: 'What mentors and members are writing: posts from the people you follow, and mentors you may want to meet.',
  alternates: alternatesFor('/feed'),
};

export default async function FeedPage({ searchParams }: PageProps<'/feed'>) {
  const query = await searchParams;
  const viewer = await currentUser();
  const rawCursor = typeof query.cursor === 'string' ? query.cursor : undefined;
  const cursor = parseFeedCursor(rawCursor);
  const [page, drafts] = await Promise.all([
    loadFeed(viewer?.id, cursor),
    viewer && !cursor ? listDrafts(viewer.id, 5) : Promise.resolve([]),
  ]);
  const firstSuggestion = page.posts.findIndex((p) => p.suggested);

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_16rem]">
      <div className="min-w-0 space-y-6">
        <header className="flex flex-wrap items-center justify-between gap-3">
          <div className="space-y-1">
            <h1 className="text-2xl font-bold tracking-tight">{viewer ? 'Your feed' : 'Recent posts'}</h1>
            <p className="text-stone-700 dark:text-stone-300">
              {viewer
                ? 'Posts from the people you follow, newest first, then mentors you may want to meet.'
                : 'What mentors and members are writing. Sign in to follow people and see their posts first.'}
            </p>
          </div>
          {viewer && (
            <Link href="/posts/new" className={buttonClass('primary')}>
              Write a post
            </Link>
          )}
        </header>

        {query.deleted && (
          <Toast>Your post was deleted.</Toast>
        )}
        {rawCursor && !cursor && (
          <p role="status" className="rounded-lg border border-stone-300 px-4 py-3 text-sm dark:border-stone-700">
            That page link was not valid, so here are the newest posts.
          </p>
        )}
        {cursor && (
          <p>
            <Link href="/feed" className="text-sm text-ask-700 underline dark:text-ask-50">
              ← Back to the newest
            </Link>
          </p>
        )}

        {page.posts.length === 0 ? (
          <EmptyState
            title={cursor ? 'You have reached the end.' : 'Nothing to read here yet.'}
            action={
              // Past the end, "Back to the newest" is already above the list.
              !cursor && (
                <ButtonLink href="/mentors" variant="secondary">
                  Find mentors
                </ButtonLink>
              )
            }
          >
            {!cursor && (viewer ? 'Follow mentors from the directory and their posts will appear here.' : 'Be the first to write something.')}
          </EmptyState>
        ) : (
          <ol className="space-y-4" aria-label="Posts">
            {page.posts.map((post, i) => (
              <li key={post.id} className="space-y-4">
                {i === firstSuggestion && (
                  <div className="pt-2">
                    <h2 className="text-lg font-semibold">Suggested for you</h2>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      From mentors who share your expertise or like mentorships to grow.
                    </p>
                  </div>
                )}
                <PostCard post={post} headingLevel={firstSuggestion >= 0 && i >= firstSuggestion ? 3 : 2} />
              </li>
            ))}
          </ol>
        )}

        {page.next && (
          <nav aria-label="More posts" className="flex justify-center">
            <Link href={`/feed?cursor=${encodeURIComponent(encodeFeedCursor(page.next))}`} rel="next" className={buttonClass('secondary')}>
              Load more
            </Link>
          </nav>
        )}
      </div>

      {viewer && drafts.length > 0 && (
        <Card as="aside" heading="Your drafts" headingId="drafts-heading" className="space-y-3 self-start">
          <ul className="space-y-2 text-sm">
            {drafts.map((d) => (
              <li key={d.id}>
                <Link href={`/posts/${d.slug}/edit`} className="font-medium break-words text-ask-700 underline dark:text-ask-50">
                  {d.title}
                </Link>
                <span className="block text-stone-600 dark:text-stone-400">Saved <LocalTime date={d.updatedAt} /></span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
