/** The pair e2e/grow-fixture.mts creates before the server starts (see e2e/grow.spec.ts). */
export const GROW_FIXTURE = {
  password: 'grow-fixture-password',
  mentor: { handle: 'grow_mentor', displayName: 'Ravi Menon', email: 'grow.mentor@example.com' },
  member: { handle: 'grow_member', displayName: 'Lena Fischer', email: 'grow.member@example.com' },
  postTitle: 'What I wish I knew about code review',
  postSlug: 'what-i-wish-i-knew-about-code-review-e2e001',
};
