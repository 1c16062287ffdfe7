// The history behind the demo's mentorships, so the insights have something true to show:
// the requests of the Ask path (accepted, declined, withdrawn, expired), the rapport and offers
// that come before a grown mentorship, grown connections and one-sided fans, and the event log
// of all of it — written with the times it happened, in the order it happened.
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Cadence, DeclineReason, StartPreference, events, mentorshipOffers, mentorshipRequests, mentorships } from '@/db/schema';
import { REACTION_KINDS } from '@/db/schema';
import { pairKey } from '@/lib/rapport';
import { REQUEST_TTL_DAYS } from '@/lib/requests';
import { randomInt, seededRandom, seededUuid, shuffleInPlace } from './bulk';
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

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type HistoryPeople = {
  seed: number;
  now: number;
  mentors: number;
  users: number;
  ids: readonly string[];
  joinedAt: Float64Array;
  profileAt: Float64Array;
  preference: readonly StartPreference[];
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

export type HistoryPlan = {
  people: HistoryPeople;
  mentorships: MentorshipRow[];
  /** By mentorship: mentor and mentee numbers. */
  mentorOf: number[];
  menteeOf: number[];
  requests: RequestPlan[];
  offers: OfferPlan[];
  relationships: Relationship[];
  quiet: Quiet[];
};

const time = (value: unknown): number => (value instanceof Date ? value.getTime() : NaN);
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const CADENCES: readonly { weight: number; value: Cadence }[] = [
  { weight: 35, value: 'weekly' },
  { weight: 45, value: 'fortnightly' },
  { weight: 20, value: 'monthly' },
];
const LENGTHS = [6, 8, 12, 12, 16, 24, 26];

function weightedPick<T>(random: () => number, items: readonly { weight: number; value: T }[]): T {
  let x = random() * items.reduce((s, i) => s + i.weight, 0);
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item.value;
  }
  return items[items.length - 1]!.value;
}

/** A sampler of mentors, more often the more followers they have. */
function mentorSampler(mentors: number, followers: Int32Array, random: () => number, weight: (m: number) => number) {
  const cumulative = new Float64Array(mentors);
  let total = 0;
  for (let m = 0; m < mentors; m++) {
    total += weight(m) * (1 + followers[m]!) ** 0.7;
    cumulative[m] = total;
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = mentors - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Plans the history around the mentorships already planned (and adjusts them: a grown
 * mentorship needs a few weeks of rapport before it; an ask-origin one gets its request's id,
 * cadence and length; an ended one who ended it): requests, relationships for the threads,
 * quiet pairs (cold requests), grown connections and fans. Offers come after the content, in
 * `planOffers`, as they wait for the rapport to grow.
 */
export function planHistory(people: HistoryPeople, rows: MentorshipRow[], follows: FollowEdges): HistoryPlan {
  const { now, mentors, users, joinedAt, profileAt } = people;
  const random = seededRandom(people.seed + 3_571);
  const idRandom = seededRandom(people.seed ^ 0xa5c);
  const indexOf = new Map<string, number>(people.ids.map((id, i) => [id, i]));
  const out = new Uint8Array(users);
  for (const b of people.bystanders) out[b] = 1;
  const followers = new Int32Array(users);
  for (const f of follows.followee) followers[f]!++;

  const plan: HistoryPlan = {
    people,
    mentorships: rows,
    mentorOf: rows.map((r) => indexOf.get(r.mentorId as string)!),
    menteeOf: rows.map((r) => indexOf.get(r.menteeId as string)!),
    requests: [],
    offers: [],
    relationships: [],
    quiet: [],
  };
  const pair = (a: number, b: number) => Math.min(a, b) * users + Math.max(a, b);
  const used = new Set<number>();
  rows.forEach((_, k) => used.add(pair(plan.mentorOf[k]!, plan.menteeOf[k]!)));

  const request = (mentor: number, mentee: number, status: RequestPlan['status'], warmth: 'cold' | 'warm', createdAt: number, answeredAt: number) => {
    const goals = shuffleInPlace([...REQUEST_GOALS], random).slice(0, randomInt(random, 1, 4));
    const message = [pick(random, REQUEST_OPENINGS), pick(random, REQUEST_MIDDLES), `My main goal: ${goals[0]!.toLowerCase()}.`, pick(random, REQUEST_CLOSINGS)].join(' ');
    const r: RequestPlan = {
      id: seededUuid(idRandom),
      mentor,
      mentee,
      status,
      warmth,
      createdAt,
      answeredAt,
      cadence: weightedPick(random, CADENCES),
      lengthWeeks: pick(random, LENGTHS),
      goals,
      message,
      declineReason: null,
      declineNote: null,
      mentorship: -1,
    };
    plan.requests.push(r);
    // A warm request follows a few exchanges; a cold one comes out of the blue.
    const since = Math.max(createdAt - 90 * DAY_MS, joinedAt[mentor]!, joinedAt[mentee]!) + DAY_MS;
    const until = createdAt - (1 + random() * 10) * DAY_MS;
    if (warmth === 'warm' && until > since) {
      plan.relationships.push({ mentor, other: mentee, kind: 'warm', since, until });
    } else {
      r.warmth = 'cold';
      plan.quiet.push({ a: mentor, b: mentee, until: createdAt });
    }
    return r;
  };

  // ---- The planned mentorships -------------------------------------------------------------
  // A grown mentorship needs room before it for a few weeks of conversations and an offer.
  const GROW_ROOM = 24 * DAY_MS;
  const WARM_ROOM = 16 * DAY_MS;
  rows.forEach((row, k) => {
    // Every row sets the same columns (a batch insert takes its columns from the first row).
    row.requestId = null;
    row.cadence = null;
    row.lengthWeeks = null;
    row.endedBy = null;
    const mentor = plan.mentorOf[k]!;
    const mentee = plan.menteeOf[k]!;
    let startedAt = time(row.startedAt);
    let endedAt = time(row.endedAt);
    const earliest = Math.max(joinedAt[mentor]!, joinedAt[mentee]!, profileAt[mentor]!) + DAY_MS;
    // Room before the start for what led to it: weeks of rapport, or a few exchanges.
    const room = row.origin === 'grow' ? GROW_ROOM : row.warmth === 'warm' ? WARM_ROOM : 0;
    if (startedAt - earliest < room) {
      const shift = earliest + room + random() * 14 * DAY_MS - startedAt;
      if (startedAt + shift < now - DAY_MS && (Number.isNaN(endedAt) || endedAt + shift < now - DAY_MS)) {
        startedAt += shift;
        row.startedAt = new Date(startedAt);
        if (!Number.isNaN(endedAt)) row.endedAt = new Date((endedAt += shift));
      } else {
        // No time for anything to happen first: a cold request it was.
        row.origin = 'ask';
        row.warmth = 'cold';
      }
    }
    if (row.status !== 'active') {
      const reason = row.endReason as string;
      const byMentor = reason === 'mentee_inactive' || reason === 'mentor_unavailable' || (reason !== 'goals_met' && random() < 0.4) || random() < 0.4;
      row.endedBy = people.ids[byMentor ? mentor : mentee]!;
    }
    if (row.origin === 'ask') {
      // Answered within the fourteen days, and never before either of them was here.
      const wait = Math.min(delay(random, 2.5 * DAY_MS), (REQUEST_TTL_DAYS - 0.5) * DAY_MS, Math.max(HOUR_MS, startedAt - earliest));
      const r = request(mentor, mentee, 'accepted', row.warmth === 'warm' ? 'warm' : 'cold', startedAt - wait, startedAt);
      r.mentorship = k;
      row.warmth = r.warmth;
      row.requestId = r.id;
      row.cadence = r.cadence;
      row.lengthWeeks = r.lengthWeeks;
    } else {
      const offerLead = (0.5 + random() * 3.5) * DAY_MS;
      plan.relationships.push({
        mentor,
        other: mentee,
        kind: 'grown',
        since: Math.max(earliest, startedAt - 120 * DAY_MS),
        until: startedAt - offerLead - 3 * DAY_MS,
        exchanges: randomInt(random, 2, 3),
      });
    }
  });
  const askMentorships = plan.requests.length;

  // ---- Requests that did not become mentorships --------------------------------------------
  // Popular mentors and those who prefer to be asked get more of them.
  const nextMentor = mentorSampler(mentors, followers, random, (m) => (people.preference[m] === 'ask' ? 1.5 : people.preference[m] === 'grow' ? 0.6 : 1));
  const firstMember = mentors;
  const declineReasons = (m: number) =>
    weightedPick(random, [
      { weight: 35, value: 'no_capacity' as const },
      { weight: 20, value: 'not_a_fit' as const },
      { weight: people.preference[m] === 'grow' ? 55 : people.preference[m] === 'either' ? 20 : 4, value: 'prefer_to_grow' as const },
      { weight: 10, value: 'other' as const },
    ]);
  const unanswered = Math.max(6, Math.round(askMentorships * 0.9));
  for (let n = 0, attempts = 0; n < unanswered && attempts < unanswered * 10; attempts++) {
    const mentor = nextMentor();
    if (out[mentor]) continue;
    const mentee = firstMember + Math.floor(random() * (users - firstMember));
    if (mentee === mentor || out[mentee] || used.has(pair(mentor, mentee))) continue;
    const from = Math.max(profileAt[mentor]!, joinedAt[mentee]!) + DAY_MS;
    const to = now - (REQUEST_TTL_DAYS + 1) * DAY_MS;
    if (to <= from) continue;
    used.add(pair(mentor, mentee));
    n++;
    const createdAt = from + (to - from) * Math.sqrt(random());
    const status = weightedPick(random, [
      { weight: 55, value: 'declined' as const },
      { weight: 25, value: 'expired' as const },
      { weight: 20, value: 'withdrawn' as const },
    ]);
    const answeredAt =
      status === 'expired' ? createdAt + REQUEST_TTL_DAYS * DAY_MS : createdAt + Math.min(delay(random, 3 * DAY_MS), (REQUEST_TTL_DAYS - 0.5) * DAY_MS);
    const r = request(mentor, mentee, status, random() < 0.35 ? 'warm' : 'cold', createdAt, answeredAt);
    if (status === 'declined') {
      r.declineReason = declineReasons(mentor);
      r.declineNote = random() < 0.6 ? pick(random, DECLINE_NOTES[r.declineReason]) : null;
    }
  }

  // ---- Grown connections and fans, as of now -----------------------------------------------
  const connect = (mentor: number, other: number, exchanges?: number) => {
    const since = Math.max(joinedAt[mentor]!, joinedAt[other]!) + DAY_MS;
    const until = now - (3 + random() * 7) * DAY_MS;
    if (mentor === other || out[mentor] || out[other] || used.has(pair(mentor, other)) || until - since < 30 * DAY_MS) return false;
    used.add(pair(mentor, other));
    plan.relationships.push({ mentor, other, kind: 'grown', since: Math.max(since, until - 90 * DAY_MS), until, exchanges });
    return true;
  };
  // demo_mentor has a few grown connections to show (none of them a current mentee).
  const demoMentees = new Set(rows.flatMap((row, k) => (plan.mentorOf[k] === 0 && row.status === 'active' ? [plan.menteeOf[k]!] : [])));
  for (let n = 0, attempts = 0; n < 3 && attempts < 200; attempts++) {
    const member = firstMember + Math.floor(random() * (users - firstMember));
    if (!demoMentees.has(member) && connect(0, member, 4)) n++;
  }
  // Mentors who like the grow path have more of them.
  const connectionMentor = mentorSampler(mentors, followers, random, (m) => (people.preference[m] === 'grow' ? 3 : people.preference[m] === 'either' ? 2 : 1));
  // About 0.8 per mentor in a small community, growing more slowly beyond a few hundred.
  const wanted = Math.max(3, Math.round(Math.min(mentors * 0.8, 100 + mentors * 0.3)));
  for (let n = 0, attempts = 0; n < wanted && attempts < wanted * 10; attempts++) {
    const mentor = connectionMentor();
    const other = random() < 0.85 || mentors < 3 ? firstMember + Math.floor(random() * (users - firstMember)) : Math.floor(random() * mentors);
    if (connect(mentor, other)) n++;
  }
  // Fans: they comment and react for months; the mentor never answers. Not rapport.
  const fanMentor = mentorSampler(mentors, followers, random, () => 1);
  const fans = Math.max(5, Math.round(Math.min(mentors * 0.6, 100 + mentors * 0.3)));
  for (let n = 0, attempts = 0; n < fans && attempts < fans * 10 + 50; attempts++) {
    const mentor = fanMentor();
    const other = firstMember + Math.floor(random() * (users - firstMember));
    const since = Math.max(joinedAt[mentor]!, joinedAt[other]!) + DAY_MS;
    if (out[mentor] || out[other] || used.has(pair(mentor, other)) || now - since < 30 * DAY_MS) continue;
    used.add(pair(mentor, other));
    plan.relationships.push({ mentor, other, kind: 'fan', since: Math.max(since, now - 150 * DAY_MS), until: now - DAY_MS });
    n++;
  }
  return plan;
}

const delay = (random: () => number, mean: number) => -Math.log(1 - random()) * mean;

/**
 * The offers: an accepted one (the mentor's offer or the mentee's proposal) before each grown
 * mentorship, after their rapport grew; and some declined or withdrawn ones between other
 * grown pairs.
 */
export function planOffers(plan: HistoryPlan, rapport: RapportHistory) {
  const { people } = plan;
  const { users, mentors } = people;
  const random = seededRandom(people.seed + 7_717);
  const idRandom = seededRandom(people.seed ^ 0x0ffe);
  const grownAt = new Map<number, number>();
  for (const g of rapport.grown) grownAt.set(g.a * users + g.b, g.at);
  const pair = (a: number, b: number) => Math.min(a, b) * users + Math.max(a, b);
  const out = new Set(people.bystanders);
  const busy = new Set<number>();

  plan.mentorships.forEach((row, k) => {
    const mentor = plan.mentorOf[k]!;
    const mentee = plan.menteeOf[k]!;
    busy.add(pair(mentor, mentee));
    if (row.origin !== 'grow') return;
    const startedAt = time(row.startedAt);
    const grown = grownAt.get(pair(mentor, mentee)) ?? startedAt - DAY_MS;
    const createdAt = Math.min(startedAt - HOUR_MS, Math.max(grown + HOUR_MS, startedAt - (0.5 + random() * 3.5) * DAY_MS));
    const kind = random() < 0.6 ? 'offer' : 'proposal';
    plan.offers.push({
      id: seededUuid(idRandom),
      kind,
      mentor,
      mentee,
      status: 'accepted',
      message: pick(random, kind === 'offer' ? OFFER_MESSAGES : PROPOSAL_MESSAGES),
      createdAt,
      answeredAt: startedAt,
      mentorship: k,
    });
  });

  // Not every grown connection becomes a mentorship: some offers are declined or withdrawn.
  for (const g of rapport.grown) {
    const key = g.a * users + g.b;
    if (g.a >= mentors || busy.has(key) || out.has(g.a) || out.has(g.b) || g.a === 0 || random() >= 0.2) continue;
    const createdAt = g.at + (1 + random() * 10) * DAY_MS;
    const answeredAt = createdAt + delay(random, 2 * DAY_MS);
    if (answeredAt >= people.now) continue;
    const kind = random() < 0.6 ? 'offer' : 'proposal';
    plan.offers.push({
      id: seededUuid(idRandom),
      kind,
      mentor: g.a,
      mentee: g.b,
      status: random() < 0.7 ? 'declined' : 'withdrawn',
      message: pick(random, kind === 'offer' ? OFFER_MESSAGES : PROPOSAL_MESSAGES),
      createdAt,
      answeredAt,
      mentorship: -1,
    });
  }
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
      expiresAt: new Date(r.createdAt + REQUEST_TTL_DAYS * DAY_MS),
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
  MentorshipEnded: 10,
} as const;
type Source = (typeof Source)[keyof typeof Source];

export type EventLog = { count: number; rows: Iterable<PgInsertValue<typeof events>> };

/** Every event of the planned history, oldest first. */
export function eventLog(history: HistoryPlan, content: ContentPlan, rapport: RapportHistory, follows: FollowEdges): EventLog {
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
  history.mentorships.forEach((m, k) => {
    add(time(m.startedAt), Source.MentorshipStarted, k);
    if (m.endedAt) add(time(m.endedAt), Source.MentorshipEnded, k);
  });

  // Oldest first; ties keep the order above (an accepted request before its mentorship).
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
  // Who accepted: the mentor for a request, the other side for an offer or proposal.
  const acceptedBy = new Map<number, number>();
  for (const o of history.offers) if (o.mentorship >= 0) acceptedBy.set(o.mentorship, o.kind === 'offer' ? o.mentee : o.mentor);

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
        const accepter = acceptedBy.get(k) ?? history.mentorOf[k]!;
        return {
          ...none,
          ...mentorshipIds(k),
          type: 'mentorship.started',
          actorId: ids[accepter]!,
          requestId: (m.requestId as string | null | undefined) ?? null,
          data: { origin: m.origin, warmth: m.warmth ?? null },
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
          requestId: (m.requestId as string | null | undefined) ?? null,
          data: { outcome: m.status, reason: m.endReason, by },
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
