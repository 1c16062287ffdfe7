/**
 * Rapport: how much two members have grown a working relationship, from their two-way
 * interaction. The rule, in one place:
 *
 * - Each interaction from one member toward the other earns points, halving every
 *   HALF_LIFE_DAYS: a comment on the other's post or a reply to their comment earns 3, a
 *   reaction to their writing 1, following them 2.
 * - The connection has *grown* when both sides took part — each has commented on, replied to or
 *   reacted to the other at least MIN_EXCHANGES_EACH times — across at least MIN_WEEKS
 *   different weeks, and the decayed score is at least GROWN_SCORE. One-sided fandom never
 *   grows, however much of it there is.
 *
 * Calibration: the smallest exchange that counts — two comments each way — is worth 12 points
 * fresh; GROWN_SCORE = 8 lets it grow while it is recent (within about two weeks) and lets a
 * connection lapse after a few quiet half-lives, so "grown" means growing now.
 */
export const HALF_LIFE_DAYS = 21;
export const POINTS = { comment: 3, reaction: 1, follow: 2 } as const;
export const MIN_EXCHANGES_EACH = 2;
export const MIN_WEEKS = 2;
export const GROWN_SCORE = 8;

export type RapportFacts = {
  score: number;
  fromMe: number;
  fromThem: number;
  weeks: number;
  firstAt: Date | null;
  lastAt: Date | null;
};

export function isGrown(f: Pick<RapportFacts, 'score' | 'fromMe' | 'fromThem' | 'weeks'>) {
  return f.fromMe >= MIN_EXCHANGES_EACH && f.fromThem >= MIN_EXCHANGES_EACH && f.weeks >= MIN_WEEKS && f.score >= GROWN_SCORE;
}

/** "12 exchanges over 5 weeks"; "Following only" before any exchange. */
export function describeRapport(f: RapportFacts) {
  const exchanges = f.fromMe + f.fromThem;
  if (exchanges === 0) return 'Following only, no exchange yet';
  return `${exchanges} ${exchanges === 1 ? 'exchange' : 'exchanges'} over ${f.weeks} ${f.weeks === 1 ? 'week' : 'weeks'}`;
}

/** Both ids of a pair in a fixed order: how the event log names a pair. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
