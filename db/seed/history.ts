// The demo's year of history, drawn from the model in ./simulation.ts: requests sent on the Ask
// path (accepted, declined, withdrawn, expired), connections whose rapport grows on the Grow
// path (and the offers that follow), the mentorships either one starts and how each of them
// ends; then the threads behind it all (relationships and quiet pairs for the content), the
// offers once the rapport is known, each pair's first contact, and the event log of it all —
// written with the times it happened, in the order it happened.
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Cadence, DeclineReason, StartPreference, events, mentorshipOffers, mentorshipRequests, mentorships } from '@/db/schema';
import { REACTION_KINDS } from '@/db/schema';
import { pairKey } from '@/lib/rapport';
import { REQUEST_TTL_DAYS, type EndReason } from '@/lib/requests';
import { exponential, poisson, seededRandom, seededUuid, shuffleInPlace, standardNormal as normal, weightedKey as weighted } from './bulk';
import type { ContentPlan, FollowEdges, Quiet, RapportHistory, Relationship } from './content';
import {
  DECLINE_NOTES,
  OFFER_MESSAGES,
  PROPOSAL_MESSAGES,
  REQUEST_CLOSINGS,
  REQUEST_GOALS,
  REQUEST_MIDDLES,
  REQUEST_OPENINGS,
} from './content-words';
import { SIMULATION, type SimulatedCohort } from './simulation';
import type { ThreadPlan } from './threads';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
const TTL_MS = REQUEST_TTL_DAYS * DAY_MS;

export type HistoryPeople = {
  seed: number;
  now: number;
  mentors: number;
  users: number;
  ids: readonly string[];
  joinedAt: Float64Array;
  profileAt: Float64Array;
  preference: readonly StartPreference[];
  capacity: Uint8Array;
  /** People kept out of all of this: the demo accounts e2e tests start from scratch. */
  bystanders: readonly number[];
};

type MentorshipRow = PgInsertValue<typeof mentorships>;

type RequestPlan = {
  id: string;
  mentor: number;
  mentee: number;
  status: 'accepted' | 'declined' | 'withdrawn' | 'expired';
  warmth: 'cold' | 'warm';
  createdAt: number;
  answeredAt: number;
  cadence: Cadence;
  lengthWeeks: number;
  goals: string[];
  message: string;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  /** Index into the mentorship plan, for accepted ones. */
  mentorship: number;
};

type OfferPlan = {
  id: string;
  kind: 'offer' | 'proposal';
  mentor: number;
  mentee: number;
  status: 'accepted' | 'declined' | 'withdrawn';
  message: string;
  createdAt: number;
  answeredAt: number;
  mentorship: number;
};

/** A turning point the model planned on the Grow path; placed once the rapport is known. */
type PlannedOffer = { mentor: number; mentee: number; kind: 'offer' | 'proposal'; status: OfferPlan['status']; at: number; answerAfter: number; mentorship: number };

/** What the model decided about each mentorship, beyond its row. */
export type MentorshipLife = {
  cohort: SimulatedCohort;
  /** The length the pair meant it to run, in weeks (the request's, or drawn for a grown pair). */
  plannedWeeks: number;
  /** The request's goals (ask) or none yet (grow: the pair adds them in the thread). */
  goals: readonly string[];
};

export type HistoryPlan = {
  people: HistoryPeople;
  mentorships: MentorshipRow[];
  /** By mentorship: mentor and mentee numbers, and what the model decided. */
  mentorOf: number[];
  menteeOf: number[];
  life: MentorshipLife[];
  requests: RequestPlan[];
  offers: OfferPlan[];
  plannedOffers: PlannedOffer[];
  relationships: Relationship[];
  quiet: Quiet[];
  /** Follows that belong to a mentorship: a grown one's mentee followed first; after an ask, some follow. */
  follows: { follower: number; followee: number; at: number; before: boolean }[];
};

const time = (value: unknown): number => (value instanceof Date ? value.getTime() : NaN);
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const uniform = (random: () => number, [low, high]: readonly [number, number]) => low + random() * (high - low);

/** The rate of every path in a community of this size (see `fullRateUpToMentors`). */
export const rateScale = (mentors: number) => (mentors <= SIMULATION.fullRateUpToMentors ? 1 : Math.sqrt(SIMULATION.fullRateUpToMentors / mentors));

// ---- The simulation ---------------------------------------------------------------------------

/** One try on one path: a request sent, or a connection that grew. */
type Attempt = {
  cohort: SimulatedCohort;
  mentor: number;
  /** Sent (a request) or grown (a connection). */
  at: number;
  /** When it is settled: the answer, withdrawal or expiry; a grown pair's start or refused offer. */
  settledAt: number;
  outcome: 'accepted' | 'declined' | 'withdrawn' | 'expired' | 'mentorship' | 'refused' | 'none';
  /** Grow: the planned offer or proposal and its answer delay. */
  offerAt: number;
};

/** Days a pair needs behind them before each path can be tried. */
const ROOM_MS: Record<SimulatedCohort, number> = { 'ask-cold': DAY_MS, 'ask-warm': 16 * DAY_MS, grow: 30 * DAY_MS };

/** Draws one mentor's tries over the time they have been a mentor. */
function drawAttempts(people: HistoryPeople, mentor: number, weight: number, random: () => number, scale: number): Attempt[] {
  const { now, profileAt, preference } = people;
  const out: Attempt[] = [];
  for (const cohort of ['ask-cold', 'ask-warm', 'grow'] as const) {
    const from = profileAt[mentor]! + ROOM_MS[cohort];
    const to = now - DAY_MS;
    if (to <= from) continue;
    const factor = SIMULATION.preferenceFactor[cohort === 'grow' ? 'grow' : 'ask'][preference[mentor]!];
    const n = poisson(random, SIMULATION.cohorts[cohort].triesPerMentorWeek * scale * weight * factor * ((to - from) / WEEK_MS));
    for (let k = 0; k < n; k++) {
      const at = from + random() * (to - from);
      const attempt = cohort === 'grow' ? growOutcome(random, mentor, at) : requestOutcome(random, cohort, mentor, at);
      // Still waiting for an answer now: the demo starts with empty inboxes, so it is left out.
      if (attempt.settledAt < now - MINUTE_MS) out.push(attempt);
    }
  }
  return out;
}

function requestOutcome(random: () => number, cohort: 'ask-cold' | 'ask-warm', mentor: number, at: number): Attempt {
  const p = SIMULATION.cohorts[cohort];
  const u = random();
  const base = { cohort, mentor, at, offerAt: NaN };
  if (u < p.withdrawn) return { ...base, outcome: 'withdrawn', settledAt: at + uniform(random, SIMULATION.requests.withdrawnAfterDays) * DAY_MS };
  if (u < p.withdrawn + p.expired) return { ...base, outcome: 'expired', settledAt: at + TTL_MS };
  const { medianHours, spread } = SIMULATION.requests.answerDelay;
  const wait = Math.min(medianHours * HOUR_MS * Math.exp(spread * normal(random)), TTL_MS - HOUR_MS);
  return { ...base, outcome: random() < p.acceptedWhenAnswered ? 'accepted' : 'declined', settledAt: at + Math.max(10 * MINUTE_MS, wait) };
}

function growOutcome(random: () => number, mentor: number, at: number): Attempt {
  const p = SIMULATION.cohorts.grow;
  const { offerAfterDays, answerAfterDays } = SIMULATION.grow;
  const offerAt = at + HOUR_MS + exponential(random, offerAfterDays * DAY_MS);
  const answeredAt = offerAt + HOUR_MS + exponential(random, answerAfterDays * DAY_MS);
  const base = { cohort: 'grow' as const, mentor, at, offerAt };
  if (random() < p.becomesMentorship) return { ...base, outcome: 'mentorship', settledAt: answeredAt };
  if (random() < p.offerRefused) return { ...base, outcome: 'refused', settledAt: answeredAt };
  return { ...base, outcome: 'none', settledAt: at };
}

/** Who is running what, as the simulation moves forward in time. */
type Run = { start: number; end: number };
type State = {
  used: Set<number>;
  asMentor: Map<number, Run[]>;
  asMentee: Map<number, Run[]>;
};
const newState = (): State => ({ used: new Set(), asMentor: new Map(), asMentee: new Map() });
const activeAt = (runs: Run[] | undefined, at: number) => (runs ?? []).reduce((n, r) => n + (r.start <= at && !(r.end <= at) ? 1 : 0), 0);

/**
 * Plays the model forward: each mentor's tries, settled in time order so a mentor is never
 * asked while full and never takes more than their capacity, nobody has more than two mentors
 * at once, and each pair meets once. Then the threads the content must contain (relationships,
 * quiet pairs), fans, and demo_mentor's recent grown connections.
 */
export function simulateHistory(people: HistoryPeople, follows: FollowEdges): HistoryPlan {
  const { now, mentors, users, joinedAt, profileAt } = people;
  const random = seededRandom(people.seed + 3_571);
  const idRandom = seededRandom(people.seed ^ 0xa5c);
  const out = new Uint8Array(users);
  for (const b of people.bystanders) out[b] = 1;
  const followers = new Int32Array(users);
  for (const f of follows.followee) followers[f]!++;
  const scale = rateScale(mentors);

  // A mentor's share of the tries grows with their audience; the average mentor's weight is 1.
  const weight = new Float64Array(mentors);
  let total = 0;
  for (let m = 0; m < mentors; m++) total += weight[m] = (1 + followers[m]!) ** 0.7;
  for (let m = 0; m < mentors; m++) weight[m] = (weight[m]! * mentors) / total;

  const plan: HistoryPlan = {
    people,
    mentorships: [],
    mentorOf: [],
    menteeOf: [],
    life: [],
    requests: [],
    offers: [],
    plannedOffers: [],
    relationships: [],
    quiet: [],
    follows: [],
  };
  const pair = (a: number, b: number) => Math.min(a, b) * users + Math.max(a, b);
  const firstMember = mentors;
  const { mentorships: M } = SIMULATION;

  const newRequest = (r: () => number, mentor: number, mentee: number, status: RequestPlan['status'], warmth: 'cold' | 'warm', createdAt: number, answeredAt: number) => {
    const goals = shuffleInPlace([...REQUEST_GOALS], r).slice(0, Number(weighted(r, SIMULATION.requests.goals)));
    const message = [pick(r, REQUEST_OPENINGS), pick(r, REQUEST_MIDDLES), `My main goal: ${goals[0]!.toLowerCase()}.`, pick(r, REQUEST_CLOSINGS)].join(' ');
    const request: RequestPlan = {
      id: seededUuid(idRandom),
      mentor,
      mentee,
      status,
      warmth,
      createdAt,
      answeredAt,
      cadence: weighted(r, SIMULATION.requests.cadence),
      lengthWeeks: Number(weighted(r, SIMULATION.requests.plannedWeeks)),
      goals,
      message,
      declineReason: null,
      declineNote: null,
      mentorship: -1,
    };
    if (status === 'declined') {
      request.declineReason = weighted(r, SIMULATION.requests.declineReasons[people.preference[mentor]!]);
      request.declineNote = r() < SIMULATION.requests.declineNote ? pick(r, DECLINE_NOTES[request.declineReason]) : null;
    }
    // A warm request follows a few exchanges; a cold one comes out of the blue.
    const since = Math.max(createdAt - 90 * DAY_MS, joinedAt[mentor]!, joinedAt[mentee]!) + DAY_MS;
    const until = createdAt - (1 + r() * 10) * DAY_MS;
    if (warmth === 'warm' && until > since) {
      plan.relationships.push({ mentor, other: mentee, kind: 'warm', since, until, exchanges: SIMULATION.requests.warmExchanges });
    } else {
      request.warmth = 'cold';
      plan.quiet.push({ a: mentor, b: mentee, until: createdAt });
    }
    plan.requests.push(request);
    return request;
  };

  /** A mentorship starting at `start`: how it goes, drawn from its cohort's life. */
  const startMentorship = (r: () => number, state: State, a: Attempt, mentee: number, start: number, plannedWeeks: number, goals: readonly string[]) => {
    const life = SIMULATION.cohorts[a.cohort];
    let end = NaN;
    let early = false;
    for (let week = 0; week < plannedWeeks; week++) {
      if (r() < life.endsEarlyPerWeek) {
        end = start + Math.max(HOUR_MS, (week + r()) * WEEK_MS);
        early = true;
        break;
      }
    }
    if (!early) end = start + (plannedWeeks + uniform(r, M.completesWithinWeeks)) * WEEK_MS;
    const reason: EndReason = early ? weighted(r, M.earlyEndReasons) : 'goals_met';
    const byMentor = r() < M.endedByMentor[reason];
    const running = end >= now - MINUTE_MS;
    const run = { start, end: running ? Infinity : end };
    for (const [map, who] of [
      [state.asMentor, a.mentor],
      [state.asMentee, mentee],
    ] as const) {
      const list = map.get(who);
      if (list) list.push(run);
      else map.set(who, [run]);
    }
    const k = plan.mentorships.length;
    plan.mentorships.push({
      // Every row sets the same columns (a batch insert takes its columns from the first row).
      id: seededUuid(idRandom),
      mentorId: people.ids[a.mentor]!,
      menteeId: people.ids[mentee]!,
      origin: a.cohort === 'grow' ? 'grow' : 'ask',
      warmth: a.cohort === 'grow' ? null : a.cohort === 'ask-warm' ? 'warm' : 'cold',
      status: running ? 'active' : early ? 'ended' : 'completed',
      startedAt: new Date(start),
      endedAt: running ? null : new Date(end),
      endReason: running ? null : reason,
      endedBy: running ? null : people.ids[byMentor ? a.mentor : mentee]!,
      requestId: null,
      cadence: null,
      lengthWeeks: null,
      firstContactAt: null,
    });
    plan.mentorOf.push(a.mentor);
    plan.menteeOf.push(mentee);
    plan.life.push({ cohort: a.cohort, plannedWeeks, goals });
    return k;
  };

  /** Someone for `mentor` to meet on this path: there long enough, new to the mentor, not a bystander. */
  const findOther = (r: () => number, state: State, a: Attempt, needsSlotAt: number) => {
    const withMentor = a.cohort === 'grow' ? SIMULATION.grow.withMentor : M.menteeIsMentor;
    for (let attempt = 0; attempt < 40; attempt++) {
      const fromMembers = users > firstMember && (mentors < 2 || r() >= withMentor);
      const other = fromMembers ? firstMember + Math.floor(r() * (users - firstMember)) : Math.floor(r() * mentors);
      if (other === a.mentor || out[other] || state.used.has(pair(a.mentor, other)) || joinedAt[other]! + ROOM_MS[a.cohort] > a.at) continue;
      if (!Number.isNaN(needsSlotAt) && attempt < 30 && activeAt(state.asMentee.get(other), needsSlotAt) >= M.maxActivePerMentee) continue;
      return other;
    }
    return -1;
  };

  /** Settles one try: who it was with, and what came of it. */
  const settle = (r: () => number, state: State, a: Attempt) => {
    const { mentor } = a;
    const capacity = people.capacity[mentor]!;
    if (a.cohort !== 'grow') {
      // A full mentor cannot be asked at all: the app refuses to send the request.
      if (activeAt(state.asMentor.get(mentor), a.at) >= capacity) return;
      const accepting = a.outcome === 'accepted';
      const mentee = findOther(r, state, a, accepting ? a.settledAt : NaN);
      if (mentee < 0) return;
      state.used.add(pair(mentor, mentee));
      // Accepted, unless the last slot went in the meantime.
      const full = accepting && (activeAt(state.asMentor.get(mentor), a.settledAt) >= capacity || activeAt(state.asMentee.get(mentee), a.settledAt) >= M.maxActivePerMentee);
      const status = accepting && full ? 'declined' : (a.outcome as RequestPlan['status']);
      const request = newRequest(r, mentor, mentee, status, a.cohort === 'ask-warm' ? 'warm' : 'cold', a.at, a.settledAt);
      if (accepting && full) {
        request.declineReason = 'no_capacity';
        request.declineNote = null;
      }
      if (status !== 'accepted') return;
      // A warm request with no room for the exchanges before it became a cold one.
      const k = startMentorship(r, state, { ...a, cohort: `ask-${request.warmth}` }, mentee, a.settledAt, request.lengthWeeks, request.goals);
      request.mentorship = k;
      const row = plan.mentorships[k]!;
      row.requestId = request.id;
      row.cadence = request.cadence;
      row.lengthWeeks = request.lengthWeeks;
      if (r() < M.followAfterAsk) plan.follows.push({ follower: mentee, followee: mentor, at: a.settledAt + r() * (now - a.settledAt), before: false });
      return;
    }

    const other = findOther(r, state, a, a.outcome === 'mentorship' ? a.settledAt : NaN);
    if (other < 0) return;
    state.used.add(pair(mentor, other));
    const earliest = Math.max(joinedAt[mentor]!, joinedAt[other]!, profileAt[mentor]!) + DAY_MS;
    const starts =
      a.outcome === 'mentorship' &&
      activeAt(state.asMentor.get(mentor), a.settledAt) < capacity &&
      activeAt(state.asMentee.get(other), a.settledAt) < M.maxActivePerMentee;
    const kind = r() < SIMULATION.grow.fromMentor ? 'offer' : 'proposal';
    if (starts) {
      // Two conversations in different weeks make the rapport grow at about `at`.
      plan.relationships.push({ mentor, other, kind: 'grown', since: Math.max(earliest, a.at - 60 * DAY_MS), until: a.at, exchanges: 2 });
      const k = startMentorship(r, state, a, other, a.settledAt, Number(weighted(r, SIMULATION.requests.plannedWeeks)), []);
      plan.plannedOffers.push({ mentor, mentee: other, kind, status: 'accepted', at: a.offerAt, answerAfter: a.settledAt - a.offerAt, mentorship: k });
      const followAt = Math.max(Math.max(joinedAt[mentor]!, joinedAt[other]!) + HOUR_MS, a.at - 20 * DAY_MS - exponential(r, SIMULATION.grow.followedBeforeDays * DAY_MS));
      plan.follows.push({ follower: other, followee: mentor, at: followAt, before: true });
      return;
    }
    // The pair keeps talking for a while; the rapport stays grown as long as they do.
    const until = Math.min(now - DAY_MS, a.at + exponential(r, SIMULATION.grow.talksOnWeeks * WEEK_MS));
    const exchanges = Math.min(6, 2 + Math.floor((until - a.at) / (14 * DAY_MS)));
    plan.relationships.push({ mentor, other, kind: 'grown', since: Math.max(earliest, a.at - 60 * DAY_MS - (exchanges - 2) * 20 * DAY_MS), until, exchanges });
    if (a.outcome === 'refused' || a.outcome === 'mentorship') {
      // No free slot (or a refusal): the offer or proposal is refused.
      const status = r() < SIMULATION.grow.refusedDeclined ? 'declined' : 'withdrawn';
      plan.plannedOffers.push({ mentor, mentee: other, kind, status, at: a.offerAt, answerAfter: a.settledAt - a.offerAt, mentorship: -1 });
    }
  };

  const byTime = (x: Attempt, y: Attempt) => x.settledAt - y.settledAt || x.at - y.at;

  // demo_mentor's year is drawn from the same model as an average mentor's, conditioned on what
  // the demo shows: two active mentees now (slots left for the demo to ask) and a past one. She
  // goes first, so a draw that does not qualify is undone by emptying the plan.
  let state = newState();
  for (let round = 0; ; round++) {
    const r = seededRandom(people.seed + 9_001 + round * 7_919);
    state = newState();
    for (const a of drawAttempts(people, 0, Math.max(1, weight[0]!), r, scale).sort(byTime)) settle(r, state, a);
    const active = plan.mentorships.filter((m) => m.status === 'active').length;
    if ((active === 2 && plan.mentorships.length > active) || round === 499) break;
    for (const list of [plan.mentorships, plan.mentorOf, plan.menteeOf, plan.life, plan.requests, plan.relationships, plan.quiet, plan.plannedOffers, plan.follows]) {
      list.length = 0;
    }
  }

  const attempts: Attempt[] = [];
  for (let m = 1; m < mentors; m++) if (!out[m]) attempts.push(...drawAttempts(people, m, weight[m]!, random, scale));
  attempts.sort(byTime);
  for (const a of attempts) settle(random, state, a);

  // ---- Present-day threads the demo shows ---------------------------------------------------
  // demo_mentor has a few recent grown connections to show (none of them a mentee), so the demo
  // can offer a mentorship.
  const connect = (mentor: number, other: number, exchanges?: number) => {
    const since = Math.max(joinedAt[mentor]!, joinedAt[other]!) + DAY_MS;
    const until = now - (3 + random() * 7) * DAY_MS;
    if (mentor === other || out[mentor] || out[other] || state.used.has(pair(mentor, other)) || until - since < 30 * DAY_MS) return false;
    state.used.add(pair(mentor, other));
    plan.relationships.push({ mentor, other, kind: 'grown', since: Math.max(since, until - 90 * DAY_MS), until, exchanges });
    return true;
  };
  for (let n = 0, attempt = 0; n < 3 && attempt < 200; attempt++) {
    if (users > firstMember && connect(0, firstMember + Math.floor(random() * (users - firstMember)), 4)) n++;
  }
  // Fans: they comment and react for months; the mentor never answers. Not rapport.
  const fans = Math.max(5, Math.round(Math.min(mentors * 0.6, 100 + mentors * 0.3)));
  const fanWeights = new Float64Array(mentors);
  let fanTotal = 0;
  for (let m = 0; m < mentors; m++) fanWeights[m] = fanTotal += weight[m]!;
  const fanMentor = () => {
    const x = random() * fanTotal;
    let lo = 0;
    let hi = mentors - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (fanWeights[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  for (let n = 0, attempt = 0; n < fans && attempt < fans * 10 + 50 && users > firstMember; attempt++) {
    const mentor = fanMentor();
    const other = firstMember + Math.floor(random() * (users - firstMember));
    const since = Math.max(joinedAt[mentor]!, joinedAt[other]!) + DAY_MS;
    if (out[mentor] || out[other] || state.used.has(pair(mentor, other)) || now - since < 30 * DAY_MS) continue;
    state.used.add(pair(mentor, other));
    plan.relationships.push({ mentor, other, kind: 'fan', since: Math.max(since, now - 150 * DAY_MS), until: now - DAY_MS });
    n++;
  }
  return plan;
}

/**
 * The offers and proposals the model planned, placed after the rapport they answer: the
 * accepted one before each grown mentorship, and the refused ones (only where the pair's rapport
 * did grow, as the app allows no offer before).
 */
export function planOffers(plan: HistoryPlan, rapport: RapportHistory) {
  const { people } = plan;
  const { users, now } = people;
  const random = seededRandom(people.seed + 7_717);
  const idRandom = seededRandom(people.seed ^ 0x0ffe);
  const grownAt = new Map<number, number>();
  for (const g of rapport.grown) grownAt.set(g.a * users + g.b, g.at);
  const pair = (a: number, b: number) => Math.min(a, b) * users + Math.max(a, b);

  for (const o of plan.plannedOffers) {
    const grown = grownAt.get(pair(o.mentor, o.mentee));
    let createdAt: number;
    let answeredAt: number;
    if (o.mentorship >= 0) {
      const startedAt = time(plan.mentorships[o.mentorship]!.startedAt);
      createdAt = Math.min(startedAt - HOUR_MS, Math.max((grown ?? startedAt - DAY_MS) + HOUR_MS, o.at));
      answeredAt = startedAt;
    } else {
      if (grown === undefined) continue;
      createdAt = Math.max(grown + HOUR_MS, o.at);
      answeredAt = createdAt + o.answerAfter;
      if (answeredAt >= now - MINUTE_MS) continue;
    }
    plan.offers.push({
      id: seededUuid(idRandom),
      kind: o.kind,
      mentor: o.mentor,
      mentee: o.mentee,
      status: o.status,
      message: pick(random, o.kind === 'offer' ? OFFER_MESSAGES : PROPOSAL_MESSAGES),
      createdAt,
      answeredAt,
      mentorship: o.mentorship,
    });
  }
}

/**
 * Each mentorship's `first_contact_at`, as the app sets it when a mentorship starts
 * (db/queries/rapport.ts, firstContactAt): the pair's earliest follow, comment (not deleted by
 * then), reaction, request or offer, and never later than the start.
 */
export function settleFirstContacts(plan: HistoryPlan, content: ContentPlan, follows: FollowEdges) {
  const { users } = plan.people;
  const byPair = new Map<number, number>();
  const first = plan.mentorships.map((m) => time(m.startedAt));
  plan.mentorships.forEach((_, k) => {
    const [a, b] = [plan.mentorOf[k]!, plan.menteeOf[k]!];
    byPair.set(Math.min(a, b) * users + Math.max(a, b), k);
  });
  const note = (a: number, b: number, at: number, stillThere?: (start: number) => boolean) => {
    const k = byPair.get(Math.min(a, b) * users + Math.max(a, b));
    if (k === undefined || at >= first[k]!) return;
    const start = time(plan.mentorships[k]!.startedAt);
    if (at <= start && (!stillThere || stillThere(start))) first[k] = at;
  };
  follows.follower.forEach((f, i) => note(f, follows.followee[i]!, follows.at[i]!));
  const C = content.comments;
  for (let i = 0; i < C.id.length; i++) {
    if (C.author[i] === C.repliesTo[i]) continue;
    const deletedAt = C.deletedAt[i]!;
    note(C.author[i]!, C.repliesTo[i]!, C.at[i]!, (start) => Number.isNaN(deletedAt) || deletedAt > start);
  }
  const R = content.reactions;
  for (let i = 0; i < R.user.length; i++) if (R.user[i] !== R.targetAuthor[i]) note(R.user[i]!, R.targetAuthor[i]!, R.at[i]!);
  for (const r of plan.requests) note(r.mentor, r.mentee, r.createdAt);
  for (const o of plan.offers) note(o.mentor, o.mentee, o.createdAt);
  plan.mentorships.forEach((m, k) => (m.firstContactAt = new Date(first[k]!)));
}

// ---- Rows -----------------------------------------------------------------------------------

export function* requestRows(plan: HistoryPlan): Generator<PgInsertValue<typeof mentorshipRequests>> {
  const { ids } = plan.people;
  for (const r of plan.requests) {
    yield {
      id: r.id,
      menteeId: ids[r.mentee]!,
      mentorId: ids[r.mentor]!,
      message: r.message,
      goals: r.goals,
      cadence: r.cadence,
      lengthWeeks: r.lengthWeeks,
      status: r.status,
      declineReason: r.declineReason,
      declineNote: r.declineNote,
      warmth: r.warmth,
      createdAt: new Date(r.createdAt),
      expiresAt: new Date(r.createdAt + TTL_MS),
      answeredAt: new Date(r.answeredAt),
      mentorshipId: r.mentorship < 0 ? null : (plan.mentorships[r.mentorship]!.id as string),
    };
  }
}

export function* offerRows(plan: HistoryPlan): Generator<PgInsertValue<typeof mentorshipOffers>> {
  const { ids } = plan.people;
  for (const o of plan.offers) {
    yield {
      id: o.id,
      kind: o.kind,
      mentorId: ids[o.mentor]!,
      menteeId: ids[o.mentee]!,
      message: o.message,
      status: o.status,
      createdAt: new Date(o.createdAt),
      answeredAt: new Date(o.answeredAt),
      mentorshipId: o.mentorship < 0 ? null : (plan.mentorships[o.mentorship]!.id as string),
    };
  }
}

// ---- The event log --------------------------------------------------------------------------

const Source = {
  Follow: 0,
  Post: 1,
  Comment: 2,
  Reaction: 3,
  Grown: 4,
  RequestSent: 5,
  RequestAnswered: 6,
  OfferSent: 7,
  OfferAnswered: 8,
  MentorshipStarted: 9,
  Message: 10,
  GoalAdded: 11,
  GoalDone: 12,
  MentorshipEnded: 13,
  Rated: 14,
} as const;
type Source = (typeof Source)[keyof typeof Source];

export type EventLog = { count: number; rows: Iterable<PgInsertValue<typeof events>> };

/**
 * Every event of the planned history, oldest first, with the data the app's own actions log
 * (db/queries/*): a message event says a message was sent and how long it was, never what it said.
 */
export function eventLog(history: HistoryPlan, threads: ThreadPlan, content: ContentPlan, rapport: RapportHistory, follows: FollowEdges): EventLog {
  const { ids } = history.people;
  const at: number[] = [];
  const source: number[] = [];
  const ref: number[] = [];
  const add = (when: number, kind: Source, index: number) => {
    at.push(when);
    source.push(kind);
    ref.push(index);
  };
  follows.at.forEach((when, k) => add(when, Source.Follow, k));
  content.posts.publishedAt.forEach((when, k) => {
    if (!Number.isNaN(when)) add(when, Source.Post, k);
  });
  content.comments.at.forEach((when, k) => add(when, Source.Comment, k));
  content.reactions.at.forEach((when, k) => add(when, Source.Reaction, k));
  rapport.grown.forEach((g, k) => add(g.at, Source.Grown, k));
  history.requests.forEach((r, k) => {
    add(r.createdAt, Source.RequestSent, k);
    add(r.answeredAt, Source.RequestAnswered, k);
  });
  history.offers.forEach((o, k) => {
    add(o.createdAt, Source.OfferSent, k);
    add(o.answeredAt, Source.OfferAnswered, k);
  });
  history.mentorships.forEach((m, k) => add(time(m.startedAt), Source.MentorshipStarted, k));
  threads.messages.at.forEach((when, k) => add(when, Source.Message, k));
  threads.goals.createdAt.forEach((when, k) => {
    if (threads.goals.addedBy[k]! >= 0) add(when, Source.GoalAdded, k);
  });
  threads.goals.doneAt.forEach((when, k) => {
    if (!Number.isNaN(when)) add(when, Source.GoalDone, k);
  });
  history.mentorships.forEach((m, k) => {
    if (m.endedAt) add(time(m.endedAt), Source.MentorshipEnded, k);
  });
  threads.ratings.at.forEach((when, k) => add(when, Source.Rated, k));

  // Oldest first; ties keep the order above (an accepted request before its mentorship, the
  // end before the rating given with it).
  const order = new Uint32Array(at.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  order.sort((x, y) => at[x]! - at[y]! || x - y);

  const none = { actorId: null, mentorId: null, menteeId: null, requestId: null, mentorshipId: null };
  const mentorshipIds = (k: number) => ({
    mentorId: ids[history.mentorOf[k]!]!,
    menteeId: ids[history.menteeOf[k]!]!,
    mentorshipId: history.mentorships[k]!.id as string,
  });
  const C = content.comments;
  const R = content.reactions;
  // How a grown mentorship started: who accepted, and whether an offer or a proposal.
  const acceptedOffer = new Map<number, OfferPlan>();
  for (const o of history.offers) if (o.mentorship >= 0) acceptedOffer.set(o.mentorship, o);

  function row(kind: Source, k: number): Omit<PgInsertValue<typeof events>, 'createdAt'> {
    switch (kind) {
      case Source.Follow:
        return { ...none, type: 'follow.created', actorId: ids[follows.follower[k]!]!, data: { followeeId: ids[follows.followee[k]!]! } };
      case Source.Post:
        return { ...none, type: 'post.published', actorId: ids[content.posts.author[k]!]!, data: { postId: content.posts.id[k]! } };
      case Source.Comment:
        return {
          ...none,
          type: 'comment.created',
          actorId: ids[C.author[k]!]!,
          data: {
            commentId: C.id[k]!,
            postId: content.posts.id[C.post[k]!]!,
            parentId: C.parent[k]! < 0 ? null : C.id[C.parent[k]!]!,
            repliesToId: ids[C.repliesTo[k]!]!,
          },
        };
      case Source.Reaction:
        return {
          ...none,
          type: 'reaction.added',
          actorId: ids[R.user[k]!]!,
          data: {
            kind: REACTION_KINDS[R.kind[k]!]!,
            ...(R.post[k]! >= 0 ? { postId: content.posts.id[R.post[k]!]! } : { commentId: C.id[R.comment[k]!]! }),
            targetAuthorId: ids[R.targetAuthor[k]!]!,
          },
        };
      case Source.Grown: {
        const g = rapport.grown[k]!;
        return {
          ...none,
          type: 'rapport.grown',
          actorId: ids[g.actor]!,
          data: { pair: pairKey(ids[g.a]!, ids[g.b]!), score: g.score, weeks: g.weeks, firstAt: new Date(g.firstAt).toISOString() },
        };
      }
      case Source.RequestSent:
      case Source.RequestAnswered: {
        const r = history.requests[k]!;
        const base = { ...none, mentorId: ids[r.mentor]!, menteeId: ids[r.mentee]!, requestId: r.id };
        if (kind === Source.RequestSent) {
          return { ...base, type: 'request.sent', actorId: ids[r.mentee]!, data: { warmth: r.warmth, goals: r.goals.length, cadence: r.cadence, lengthWeeks: r.lengthWeeks } };
        }
        const waitedMs = r.answeredAt - r.createdAt;
        if (r.status === 'accepted') {
          return { ...base, type: 'request.accepted', actorId: ids[r.mentor]!, mentorshipId: history.mentorships[r.mentorship]!.id as string, data: { waitedMs } };
        }
        if (r.status === 'declined') return { ...base, type: 'request.declined', actorId: ids[r.mentor]!, data: { reason: r.declineReason, waitedMs } };
        if (r.status === 'withdrawn') return { ...base, type: 'request.withdrawn', actorId: ids[r.mentee]!, data: {} };
        return { ...base, type: 'request.expired', data: {} };
      }
      case Source.OfferSent:
      case Source.OfferAnswered: {
        const o = history.offers[k]!;
        const sender = o.kind === 'offer' ? o.mentor : o.mentee;
        const receiver = o.kind === 'offer' ? o.mentee : o.mentor;
        const base = { ...none, mentorId: ids[o.mentor]!, menteeId: ids[o.mentee]!, data: { offerId: o.id, kind: o.kind } };
        if (kind === Source.OfferSent) return { ...base, type: 'offer.sent', actorId: ids[sender]! };
        if (o.status === 'accepted') return { ...base, type: 'offer.accepted', actorId: ids[receiver]!, mentorshipId: history.mentorships[o.mentorship]!.id as string };
        return o.status === 'declined' ? { ...base, type: 'offer.declined', actorId: ids[receiver]! } : { ...base, type: 'offer.withdrawn', actorId: ids[sender]! };
      }
      case Source.MentorshipStarted: {
        const m = history.mentorships[k]!;
        if (m.origin === 'grow') {
          const o = acceptedOffer.get(k);
          const accepter = o ? (o.kind === 'offer' ? o.mentee : o.mentor) : history.mentorOf[k]!;
          return { ...none, ...mentorshipIds(k), type: 'mentorship.started', actorId: ids[accepter]!, data: { origin: 'grow', via: o?.kind ?? 'offer' } };
        }
        return {
          ...none,
          ...mentorshipIds(k),
          type: 'mentorship.started',
          actorId: ids[history.mentorOf[k]!]!,
          requestId: (m.requestId as string | null | undefined) ?? null,
          data: { origin: 'ask', warmth: m.warmth },
        };
      }
      case Source.Message: {
        const M = threads.messages;
        return {
          ...none,
          ...mentorshipIds(M.mentorship[k]!),
          type: 'mentorship.message',
          actorId: ids[M.author[k]!]!,
          data: { messageId: M.id[k]!, length: M.length[k]! },
        };
      }
      case Source.GoalAdded:
      case Source.GoalDone: {
        const G = threads.goals;
        const added = kind === Source.GoalAdded;
        return {
          ...none,
          ...mentorshipIds(G.mentorship[k]!),
          type: added ? 'mentorship.goal_added' : 'mentorship.goal_done',
          actorId: ids[added ? G.addedBy[k]! : G.doneBy[k]!]!,
          data: { goalId: G.id[k]! },
        };
      }
      case Source.MentorshipEnded: {
        const m = history.mentorships[k]!;
        const by = m.endedBy === ids[history.mentorOf[k]!] ? 'mentor' : 'mentee';
        return {
          ...none,
          ...mentorshipIds(k),
          type: 'mentorship.ended',
          actorId: (m.endedBy as string | null | undefined) ?? null,
          data: { outcome: m.status, reason: m.endReason, by },
        };
      }
      case Source.Rated: {
        const T = threads.ratings;
        const mentorship = T.mentorship[k]!;
        return {
          ...none,
          ...mentorshipIds(mentorship),
          type: 'mentorship.rated',
          actorId: ids[T.rater[k]!]!,
          data: { rating: T.rating[k]!, by: T.rater[k] === history.mentorOf[mentorship] ? 'mentor' : 'mentee' },
        };
      }
    }
  }

  return {
    count: order.length,
    rows: (function* () {
      for (const k of order) yield { ...row(source[k] as Source, ref[k]!), createdAt: new Date(at[k]!) };
    })(),
  };
}
