import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { CommentForm } from '@/components/comment-forms';
import { CommentThread } from '@/components/comment-thread';
import { FollowButton } from '@/components/follow-button';
import { LocalTime } from '@/components/local-time';
import { Markdown } from '@/components/markdown';
import { ReactionBar } from '@/components/reaction-bar';
import { ReportForm } from '@/components/report-form';
import { reportAction } from '@/app/(app)/safety/actions';
import { buttonClass } from '@/components/ui/button';
import { listCommentPage, type CommentPage } from '@/db/queries/comments';
import { isFollowing } from '@/db/queries/follows';
import { getPost } from '@/db/queries/posts';
import { reactionSummaries, emptySummary } from '@/db/queries/reactions';
import { plural } from '@/lib/format';
import { currentUser } from '@/lib/session';
import { alternatesFor, SITE_NAME } from '@/lib/site-metadata';
import { appUrl } from '@/lib/env';
import { parseCommentOrder, slugFromParam } from '@/lib/validation/posts';
import { addCommentAction, deleteCommentAction, editCommentAction, followAction, reactAction } from '../actions';
import { Toast } from '@/components/ui/toast';
import { Tag } from '@/components/ui/badge';
import { cardClass } from '@/components/ui/card';

const loadPost = cache(async (slug: string) => {
  const viewer = await currentUser();
  return { viewer, post: await getPost(slugFromParam(slug), viewer?.id) };
});

export async function generateMetadata({ params }: PageProps<'/posts/[slug]'>): Promise<Metadata> {
  const { post } = await loadPost((await params).slug);
  if (!post) return { title: 'Post not found', robots: { index: false } };
  // A draft, or a post only its author and moderators can see, is nobody's to share or index.
  if (post.status === 'draft' || post.hiddenAt || post.author.suspendedAt || !post.publishedAt) {
    return { title: post.title, robots: { index: false } };
  }
  const path = `/posts/${post.slug}`;
  const description = post.excerpt || undefined;
  return {
    title: post.title,
    description,
    alternates: alternatesFor(path),
    openGraph: {
      type: 'article',
      siteName: SITE_NAME,
      url: path,
      title: post.title,
      description,
      publishedTime: post.publishedAt.toISOString(),
      modifiedTime: post.updatedAt.toISOString(),
      // article:author is a profile URL, and Next resolves only url and images against metadataBase.
      authors: [`${appUrl()}/u/${post.author.handle}`],
      tags: post.tags.map((t) => t.name),
    },
  };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PostPage({ params, searchParams }: PageProps<'/posts/[slug]'>) {
  const { slug } = await params;
  const query = await searchParams;
  const { viewer, post } = await loadPost(slug);
  if (!post) notFound();
  const order = parseCommentOrder(query.comments);
  const published = post.status === 'published';
  const here = `/posts/${post.slug}`;
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(here)}`;

  const requestedPage = Number(first(query.page));
  const focus = first(query.comment);
  const noComments: CommentPage = { threads: [], page: 1, pages: 1, threadCount: 0 };
  const [discussion, summaries, following] = await Promise.all([
    published
      ? listCommentPage(post.id, { viewerId: viewer?.id, order, page: Number.isSafeInteger(requestedPage) ? requestedPage : 1, focus })
      : Promise.resolve(noComments),
    reactionSummaries('post', [post.id], viewer?.id),
    viewer && !post.isAuthor ? isFollowing(viewer.id, post.author.id) : Promise.resolve(false),
  ]);
  const comments = discussion.threads;
  const pageHref = (value: 'oldest' | 'newest', page = 1) => {
    const params = new URLSearchParams();
    if (value === 'newest') params.set('comments', 'newest');
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return `${here}${search ? `?${search}` : ''}#comments`;
  };
  const sortLink = (value: 'oldest' | 'newest', label: string) => (
    <Link
      href={pageHref(value)}
      aria-current={order === value ? 'true' : undefined}
      className={`rounded-md px-2 py-1 ${order === value ? 'bg-stone-200 font-semibold dark:bg-stone-800' : 'hover:bg-stone-100 dark:hover:bg-stone-800'}`}
    >
      {label}
    </Link>
  );

  return (
    <article className="mx-auto max-w-3xl space-y-8" aria-labelledby="post-title">
      {query.published && post.isAuthor && published && <Toast>Your post is published.</Toast>}
      {query.saved && post.isAuthor && <Toast>{published ? 'Your changes are saved.' : 'Draft saved.'}</Toast>}
      {!published && (
        <p className="rounded-lg border border-amber-600/40 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <strong>Draft.</strong> Only you can see this page. Publish it from the editor when it is ready.
        </p>
      )}
      {/* getPost gives a hidden post only to its author and admins; a suspended author's only to admins. */}
      {(post.hiddenAt || post.author.suspendedAt) && (
        <p className="rounded-lg border border-red-700/40 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-400/40 dark:bg-red-950 dark:text-red-100">
          <strong>Hidden by a moderator.</strong>{' '}
          {post.author.suspendedAt
            ? 'The author’s account is suspended: only moderators can see this post.'
            : post.isAuthor
              ? 'Only you and moderators can see this post.'
              : 'Only its author and moderators can see this post.'}
        </p>
      )}

      <header className="space-y-4">
        <h1 id="post-title" className="text-3xl font-bold tracking-tight break-words sm:text-4xl">
          {post.title}
        </h1>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
          {post.publishedAt ? (
            <span>
              Published <LocalTime date={post.publishedAt} />
            </span>
          ) : (
            <span>
              Last saved <LocalTime date={post.updatedAt} />
            </span>
          )}
          <span aria-hidden>·</span>
          <span>{post.readingMinutes} min read</span>
          {published && (
            <>
              <span aria-hidden>·</span>
              <a href="#comments" className="hover:underline">
                {plural(post.commentCount, 'comment')}
              </a>
            </>
          )}
          {post.isAuthor && (
            <Link href={`${here}/edit`} className={buttonClass('secondary', 'ml-auto')}>
              Edit<span className="sr-only"> this post</span>
            </Link>
          )}
        </div>
        {post.tags.length > 0 && (
          <ul aria-label="Tags" className="flex flex-wrap gap-2">
            {post.tags.map((t) => (
              <li key={t.slug}>
                <Tag href={`/mentors?tag=${encodeURIComponent(t.slug)}`} size="sm">
                  {t.name}
                </Tag>
              </li>
            ))}
          </ul>
        )}
      </header>

      <section aria-label="Author" className={cardClass('sm', 'flex flex-wrap items-center gap-4')}>
        <Avatar user={post.author} size={48} decorative />
        <div className="min-w-0 flex-1 basis-40">
          <Link href={`/u/${post.author.handle}`} className="font-semibold break-words hover:underline">
            {post.author.displayName}
          </Link>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            <span className="break-all">@{post.author.handle}</span> · {plural(post.author.followerCount, 'follower')}
          </p>
        </div>
        {viewer && !post.isAuthor && (
          <FollowButton memberId={post.author.id} memberName={post.author.displayName} following={following} action={followAction} />
        )}
        {!viewer && (
          <Link href={signInHref} className={buttonClass('secondary')}>
            Sign in to follow
          </Link>
        )}
      </section>

      <Markdown source={post.body} profile="full" className="text-[1.05rem]" />

      {published && (
        <ReactionBar
          target="post"
          targetId={post.id}
          summary={summaries.get(post.id) ?? emptySummary()}
          action={reactAction}
          signedIn={Boolean(viewer)}
          signInHref={signInHref}
          label="Reactions to this post"
        />
      )}
      {published && viewer && !post.isAuthor && <ReportForm targetType="post" targetId={post.id} what="this post" action={reportAction} />}

      <section aria-labelledby="comments-heading" id="comments" className="scroll-mt-4 space-y-4 border-t border-stone-200 pt-6 dark:border-stone-800">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="comments-heading" className="text-xl font-semibold">
            {published ? `Comments (${post.commentCount})` : 'Comments'}
          </h2>
          {published && discussion.threadCount > 1 && (
            <nav aria-label="Sort comments" className="flex gap-1 text-sm">
              {sortLink('oldest', 'Oldest first')}
              {sortLink('newest', 'Newest first')}
            </nav>
          )}
        </div>
        {!published ? (
          <p className="text-stone-600 dark:text-stone-400">Comments open once the post is published.</p>
        ) : (
          <>
            {viewer ? (
              <CommentForm postId={post.id} action={addCommentAction} />
            ) : (
              <p>
                <Link href={signInHref} className="font-medium text-ask-700 underline dark:text-ask-50">
                  Sign in
                </Link>{' '}
                to join the discussion.
              </p>
            )}
            <CommentThread
              postId={post.id}
              postAuthorId={post.author.id}
              comments={comments}
              viewerId={viewer?.id}
              signInHref={signInHref}
              actions={{ reply: addCommentAction, edit: editCommentAction, remove: deleteCommentAction, react: reactAction, report: reportAction }}
            />
            {discussion.pages > 1 && (
              <nav aria-label="Comment pages" className="flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 pt-4 text-sm dark:border-stone-800">
                {discussion.page > 1 ? (
                  <Link href={pageHref(order, discussion.page - 1)} className={buttonClass('secondary')}>
                    Earlier comments
                  </Link>
                ) : (
                  <span />
                )}
                <span className="text-stone-600 dark:text-stone-400">
                  Page {discussion.page} of {discussion.pages}
                </span>
                {discussion.page < discussion.pages ? (
                  <Link href={pageHref(order, discussion.page + 1)} className={buttonClass('secondary')}>
                    More comments
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </article>
  );
}
