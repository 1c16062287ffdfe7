/**
 * The people e2e/admin-fixture.mts creates before the server starts (see e2e/admin.spec.ts): a
 * member that e2e/run.mts then makes an admin with `npm run admin:grant`, and an author with a
 * published post for the moderation test to report, hide and restore.
 */
export const ADMIN_FIXTURE = {
  password: 'admin-fixture-password',
  admin: { handle: 'e2e_moderator', displayName: 'Mira Moderator', email: 'e2e.moderator@example.com' },
  author: { handle: 'e2e_reported', displayName: 'Rhys Reported', email: 'e2e.reported@example.com' },
  postTitle: 'Ten shortcuts to instant seniority',
  postSlug: 'ten-shortcuts-to-instant-seniority-e2e001',
};
