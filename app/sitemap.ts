import type { MetadataRoute } from 'next';
import { listSitemapEntries, SITEMAP_URL_LIMIT } from '@/db/queries/sitemap';
import { appUrl } from '@/lib/env';

// Read at request time: members and posts change, and the build has no database to read.
export const dynamic = 'force-dynamic';

const PAGES = ['/', '/mentors', '/insights', '/feed'] as const;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = appUrl();
  const { mentors, posts } = await listSitemapEntries(SITEMAP_URL_LIMIT - PAGES.length);
  return [
    ...PAGES.map((path) => ({ url: `${base}${path}` })),
    ...mentors.map((m) => ({ url: `${base}/u/${encodeURIComponent(m.handle)}`, lastModified: m.lastModified })),
    ...posts.map((p) => ({ url: `${base}/posts/${encodeURIComponent(p.slug)}`, lastModified: p.lastModified })),
  ];
}
