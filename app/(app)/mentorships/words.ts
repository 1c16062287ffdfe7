import { END_REASON_LABELS, type EndReason } from '@/lib/requests';

/** A mentorship's state and origin in the words its pages use. */
export const MENTORSHIP_STATUS_LABELS = {
  active: 'Active',
  completed: 'Completed',
  ended: 'Ended early',
} as const;

export function originText(m: { origin: 'ask' | 'grow'; warmth: 'cold' | 'warm' | null }) {
  if (m.origin === 'grow') return 'Grew from following and discussion';
  if (m.warmth === 'warm') return 'Asked, after some exchange (a warm request)';
  if (m.warmth === 'cold') return 'Asked, without earlier exchange (a cold request)';
  return 'Asked';
}

export function originShort(m: { origin: 'ask' | 'grow'; warmth: 'cold' | 'warm' | null }) {
  if (m.origin === 'grow') return 'Grew';
  return m.warmth ? `Asked · ${m.warmth}` : 'Asked';
}

export const endReasonText = (reason: string | null) => (reason ? (END_REASON_LABELS[reason as EndReason] ?? reason) : undefined);

export const RATING_LABELS = ['1 — poor', '2 — fair', '3 — good', '4 — very good', '5 — excellent'] as const;
