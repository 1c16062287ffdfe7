import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { LocalTime } from '@/components/local-time';
import { plural } from '@/lib/format';
import { Tag } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';

export type PostCardData = {
  slug: string;
  title: string;
  excerpt: string;
  tags: { slug: string; name: string }[];
  readingMinutes: number;
  publishedAt: Date;
  commentCount: number;
  reactionCount: number;
  author: { id: string; handle: string; displayName: string; avatarUpdatedAt: Date | null };
};

export function PostCard({ post, headingLevel = 2 }: { post: PostCardData; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <Card as="article" className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
        <Avatar user={post.author} size={28} decorative />
        <Link href={`/u/${post.author.handle}`} className="font-medium text-stone-900 hover:underline dark:text-stone-100">
          {post.author.displayName}
        </Link>
        <span aria-hidden>·</span>
        <LocalTime date={post.publishedAt} />
        <span aria-hidden>·</span>
        <span>{post.readingMinutes} min read</span>
      </div>
      <Heading className="text-lg font-semibold tracking-tight break-words sm:text-xl">
        <Link href={`/posts/${post.slug}`} className="hover:underline">
          {post.title}
        </Link>
      </Heading>
      {post.excerpt && <p className="break-words text-stone-700 dark:text-stone-300">{post.excerpt}</p>}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        {post.tags.length > 0 ? (
          <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
            {post.tags.map((t) => (
              <li key={t.slug}>
                <Tag href={`/mentors?tag=${encodeURIComponent(t.slug)}`}>{t.name}</Tag>
              </li>
            ))}
          </ul>
        ) : (
          <span />
        )}
        <p className="text-stone-600 dark:text-stone-400">
          {plural(post.commentCount, 'comment')} · {plural(post.reactionCount, 'reaction')}
        </p>
      </div>
    </Card>
  );
}
