import { listSyndicatedPosts } from '@/db/queries/syndication';
import { ATOM_HEADERS, postsFeed } from '@/lib/atom';
import { appUrl } from '@/lib/env';
import { SITE_NAME } from '@/lib/site-metadata';

// Read at request time: the posts change, and the build has no database to read.
export const dynamic = 'force-dynamic';

/** The newest posts on the whole site, as Atom. */
export async function GET() {
  const base = appUrl();
  const xml = postsFeed({
    base,
    id: `${base}/feed.xml`,
    title: `${SITE_NAME} — latest posts`,
    subtitle: 'What mentors and members are writing.',
    selfPath: '/feed.xml',
    pagePath: '/',
    posts: await listSyndicatedPosts(),
  });
  return new Response(xml, { headers: ATOM_HEADERS });
}
