import type { Cadence, DeclineReason, RequestStatus } from '@/db/schema/requests';
import { BLOCKED } from './blocks';

/** The rules of the Ask path, in one place (PRODUCT.md, "Mentorship request"). */
export const REQUEST_TTL_DAYS = 14;
export const MAX_PENDING_REQUESTS = 5;
export const DECLINE_COOLDOWN_DAYS = 30;
export const MAX_GOALS = 20;

const DAY_MS = 24 * 60 * 60 * 1000;
export const requestExpiry = (sentAt: Date) => new Date(sentAt.getTime() + REQUEST_TTL_DAYS * DAY_MS);
export const cooldownEnds = (declinedAt: Date) => new Date(declinedAt.getTime() + DECLINE_COOLDOWN_DAYS * DAY_MS);
export const intendedEnd = (startedAt: Date, weeks: number) => new Date(startedAt.getTime() + weeks * 7 * DAY_MS);

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  fortnightly: 'Every two weeks',
  monthly: 'Monthly',
};

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  no_capacity: 'No capacity right now',
  not_a_fit: 'Not a good fit',
  prefer_to_grow: 'Would rather the relationship grows first',
  other: 'Another reason',
};

/** What each state means, in the words the pages use. */
export const REQUEST_STATUS_TEXT: Record<RequestStatus, { label: string; forMentee: string; forMentor: string }> = {
  pending: {
    label: 'Waiting for an answer',
    forMentee: 'Sent; the mentor has not answered yet. It expires after 14 days without an answer.',
    forMentor: 'Waiting for your answer. It expires 14 days after it was sent.',
  },
  accepted: {
    label: 'Accepted',
    forMentee: 'Accepted: your mentorship has started.',
    forMentor: 'You accepted: the mentorship has started.',
  },
  declined: {
    label: 'Declined',
    forMentee: 'Declined. You can ask this mentor again 30 days after the answer.',
    forMentor: 'You declined.',
  },
  withdrawn: {
    label: 'Withdrawn',
    forMentee: 'You withdrew this request.',
    forMentor: 'The mentee withdrew this request.',
  },
  expired: {
    label: 'Expired',
    forMentee: 'Expired: 14 days passed without an answer. You can ask again.',
    forMentor: 'Expired: it was not answered within 14 days.',
  },
};

export const END_OUTCOMES = ['completed', 'ended'] as const;
export type EndOutcome = (typeof END_OUTCOMES)[number];
export const END_REASONS = ['goals_met', 'schedule', 'not_a_fit', 'mentee_inactive', 'mentor_unavailable', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS: Record<EndReason, string> = {
  goals_met: 'The goals were met',
  schedule: 'Schedules no longer fit',
  not_a_fit: 'It was not a good fit',
  mentee_inactive: 'The mentee stopped taking part',
  mentor_unavailable: 'The mentor is no longer available',
  other: 'Another reason',
};

/** Why a request or mentorship action was refused, in plain words for the person who tried. */
export const REFUSALS = {
  not_found: 'That request or mentorship does not exist, or it is not yours.',
  self: 'You cannot ask yourself for a mentorship.',
  not_a_mentor: 'This member is not a mentor.',
  retired: 'This mentor has retired their profile and is not taking requests.',
  not_accepting: 'This mentor has paused new requests right now.',
  at_capacity: 'This mentor has no open slots right now.',
  already_pending: 'You already have a request waiting with this mentor.',
  too_many_pending: `You already have ${MAX_PENDING_REQUESTS} requests waiting for an answer. Withdraw one or wait for answers first.`,
  cooldown: 'This mentor declined your request recently. You can ask again 30 days after their answer.',
  already_mentoring: 'The two of you already have an active mentorship.',
  not_pending: 'This request has already been answered, withdrawn or has expired.',
  expired: 'This request expired: 14 days passed without an answer.',
  mentor_only: 'Only the mentor can answer this request.',
  mentee_only: 'Only the mentee can withdraw this request.',
  not_active: 'This mentorship has ended.',
  still_active: 'You can rate a mentorship once it has ended.',
  already_rated: 'You have already rated this mentorship.',
  too_many_goals: `A mentorship can have at most ${MAX_GOALS} goals.`,
  blocked: BLOCKED.request,
} as const;
export type RefusalCode = keyof typeof REFUSALS;

export type Refused = { ok: false; code: RefusalCode; message: string; until?: Date };
export const refuse = (code: RefusalCode, until?: Date): Refused => ({ ok: false, code, message: REFUSALS[code], until });
