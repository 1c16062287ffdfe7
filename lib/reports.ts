// Client-safe: the words of reporting, for the form and the queries.
import type { ReportCategory, ReportTarget } from '@/db/schema/safety';

export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  spam: 'Spam or advertising',
  harassment: 'Harassment or bullying',
  hate: 'Hate speech',
  sexual: 'Sexual content',
  self_harm: 'Self-harm or suicide',
  impersonation: 'Pretending to be someone else',
  other: 'Something else',
};

export const REPORT_TARGET_WORDS: Record<ReportTarget, string> = {
  post: 'post',
  comment: 'comment',
  user: 'profile',
  message: 'message',
};

export const MAX_REPORT_NOTE = 1000;

export const REPORT_THANKS = 'Thanks — a moderator will review it.';

export const REPORT_REFUSALS = {
  not_found: 'That is no longer there, or you cannot see it.',
  own: 'You cannot report yourself or your own writing.',
  duplicate: 'You already reported this; a moderator will look at it.',
} as const;
export type ReportRefusal = keyof typeof REPORT_REFUSALS;
