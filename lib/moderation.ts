// Client-safe: the words the moderation pages and the audit log use.
import type { ReportTarget } from '@/db/schema/safety';

/** What an admin can do from the queue (each is one row of the audit log). */
export const MODERATION_INTENTS = [
  'hide_post',
  'restore_post',
  'hide_comment',
  'restore_comment',
  'suspend_member',
  'restore_member',
  'dismiss_reports',
] as const;
export type ModerationIntent = (typeof MODERATION_INTENTS)[number];

/** Every action the audit log records; the last two come only from `npm run admin:grant`. */
export const MODERATION_ACTIONS = [...MODERATION_INTENTS, 'grant_admin', 'revoke_admin'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const ACTION_LABELS: Record<ModerationAction, string> = {
  hide_post: 'Hid a post',
  restore_post: 'Restored a post',
  hide_comment: 'Hid a comment',
  restore_comment: 'Restored a comment',
  suspend_member: 'Suspended an account',
  restore_member: 'Restored an account',
  dismiss_reports: 'Dismissed reports',
  grant_admin: 'Made an admin',
  revoke_admin: 'Revoked admin',
};

/** What the queue page says after an action, in the words of the person who did it. */
export const DONE_MESSAGES: Record<ModerationIntent, string> = {
  hide_post: 'The post is hidden.',
  restore_post: 'The post is visible again.',
  hide_comment: 'The comment is hidden.',
  restore_comment: 'The comment is visible again.',
  suspend_member: 'The account is suspended.',
  restore_member: 'The account is restored.',
  dismiss_reports: 'The reports are dismissed.',
};

export const TARGET_LABELS: Record<ReportTarget, string> = {
  post: 'Post',
  comment: 'Comment',
  user: 'Profile',
  message: 'Private message',
};

export const isModerationAction = (value: string): value is ModerationAction =>
  (MODERATION_ACTIONS as readonly string[]).includes(value);
