import { getMemberByHandle } from '@/db/queries/users';
import { listSyndicatedPosts } from '@/db/queries/syndication';
import { ATOM_HEADERS, postsFeed } from '@/lib/atom';
import { appUrl } from '@/lib/env';
import { SITE_NAME } from '@/lib/site-metadata';

export const dynamic = 'force-dynamic';

/** One member's newest posts, as Atom; unknown and suspended members have no feed. */
export async function GET(_request: Request, { params }: RouteContext<'/u/[handle]/feed.xml'>) {
  let handle: string;
  try {
    handle = decodeURIComponent((await params).handle);
  } catch {
    return notFound();
  }
  const member = await getMemberByHandle(handle);
  if (!member) return notFound();
  const base = appUrl();
  const xml = postsFeed({
    base,
    // The member's id, not the handle, which they may change.
    id: `urn:uuid:${member.id}`,
    title: `${member.displayName} (@${member.handle}) on ${SITE_NAME}`,
    subtitle: member.mentor?.status === 'active' ? member.mentor.headline : undefined,
    selfPath: `/u/${member.handle}/feed.xml`,
    pagePath: `/u/${member.handle}`,
    posts: await listSyndicatedPosts({ authorId: member.id }),
  });
  return new Response(xml, { headers: ATOM_HEADERS });
}

function notFound() {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=60' },
  });
}
