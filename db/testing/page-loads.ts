// What each key page asks the database, called the way the page calls it. Shared by the query
// count test (db/queries/query-counts.test.ts: no N+1) and `npm run bench`, which prints the
// plans of these same statements on the large data set.
import { hasBlocked } from '@/db/queries/blocks';
import { listCommentPage } from '@/db/queries/comments';
import { loadFeed } from '@/db/queries/feed';
import { isFollowing, listFollowers, listFollowing } from '@/db/queries/follows';
import { getOwnMentorProfile, popularTags, searchMentors, tagNames } from '@/db/queries/mentors';
import { listPendingOffers } from '@/db/queries/offers';
import { getPost, listDrafts } from '@/db/queries/posts';
import { rapportBetween } from '@/db/queries/rapport';
import { reactionSummaries } from '@/db/queries/reactions';
import { getMemberByHandle, listPublishedPosts } from '@/db/queries/users';
import { parseDirectoryQuery } from '@/lib/validation/directory';

/** A post with a discussion, its author (a mentor) and a member who reads them and follows people. */
export type PageWorld = { author: { id: string; handle: string }; reader: { id: string }; post: { id: string; slug: string } };

export const PAGE_LOADS: Record<string, (w: PageWorld) => Promise<unknown>> = {
  'a post with its discussion (signed in)': async ({ post, reader }) => {
    const found = await getPost(post.slug, reader.id);
    await Promise.all([
      listCommentPage(found!.id, { viewerId: reader.id }),
      reactionSummaries('post', [found!.id], reader.id),
      isFollowing(reader.id, found!.author.id),
    ]);
  },
  'a profile seen by another member': async ({ author, reader }) => {
    const m = await getMemberByHandle(author.handle);
    await Promise.all([
      listFollowers(m!.id),
      listFollowing(m!.id),
      listPublishedPosts(m!.id),
      isFollowing(reader.id, m!.id),
      rapportBetween(reader.id, m!.id),
      getOwnMentorProfile(reader.id),
      listPendingOffers(reader.id),
      hasBlocked(reader.id, m!.id),
    ]);
  },
  'the feed of a member who follows people': async ({ reader }) => {
    await Promise.all([loadFeed(reader.id), listDrafts(reader.id, 5)]);
  },
  'the feed for a visitor': () => loadFeed(undefined),
  'the mentor directory': async () => {
    const { query } = parseDirectoryQuery({});
    const [result] = await Promise.all([searchMentors(query), popularTags()]);
    await tagNames(result.mentors.flatMap((m) => m.tags));
  },
  'the mentor directory, searched and filtered': async () => {
    const { query } = parseDirectoryQuery({ q: 'kubernetes', tag: ['react'], lang: 'en', accepting: '1' });
    const [result] = await Promise.all([searchMentors(query), popularTags()]);
    await tagNames(result.mentors.flatMap((m) => m.tags));
  },
};
