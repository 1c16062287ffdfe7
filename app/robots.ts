import type { MetadataRoute } from 'next';
import { appUrl } from '@/lib/env';

// APP_URL is read when the file is requested, not baked in at build time.
export const dynamic = 'force-dynamic';

/** Private areas answer signed-out crawlers with a redirect to sign in; no use crawling them. */
const PRIVATE = ['/settings', '/requests', '/mentorships', '/connections', '/notifications', '/admin', '/api/', '/dev/', '/signin', '/signup', '/unsubscribe'];

export default function robots(): MetadataRoute.Robots {
  return {
    // Avatars stay open: they are the profile pages' og:image, and link-preview bots obey robots.txt.
    rules: { userAgent: '*', allow: ['/', '/api/avatars/'], disallow: PRIVATE },
    sitemap: `${appUrl()}/sitemap.xml`,
  };
}
