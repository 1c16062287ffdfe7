/** The author e2e/feed-fixture.mts creates before the server starts (see the feed test in e2e/posts.spec.ts). */
export const FEED_FIXTURE = {
  password: 'feed-fixture-password',
  author: { handle: 'feed_author', displayName: 'Noor Haddad', email: 'feed.author@example.com' },
  // Twelve posts, oldest first: more than the feed's first page of ten.
  posts: Array.from({ length: 12 }, (_, i) => {
    const title = `Field note ${String(i + 1).padStart(2, '0')}`;
    return { title, slug: `field-note-${String(i + 1).padStart(2, '0')}-e2e001` };
  }),
};
