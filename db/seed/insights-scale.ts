// A large, seeded history for the insights benchmark (issue 7): at full size 5,000 mentors,
// 60,000 members, 100,000 mentorships over two years, 250,000 requests, 40,000 grown
// connections, ~1.5 M messages and exactly 1,000,000 events, written with COPY into a
// dedicated Postgres database that is kept and reused while seed and size stay the same.
//
// The shape follows the product: the platform grows over the two years (more starts later),
// cold asks end early more often than warm asks, and grown connections least; most accepted
// requests are answered within a day; mentors' popularity is skewed, with a few busy ones.
// Every row goes in through the real schema — constraints, foreign keys and triggers on — so
// the data passes the same rules as the app's (capacity, one active mentorship per pair, …).
import { pairKey } from '@/lib/rapport';
import { seededRandom, seededUuid } from './bulk';
import {
  ensureDataset,
  iso,
  line,
  orderBy,
  pick,
  skewedSampler,
  textArray,
  weighted,
  type DatasetMarker as CopyDatasetMarker,
  type DatasetSpec,
  type EnsureOptions,
  type Random,
  type Table,
} from './copy';

export { databaseName, type EnsureOptions, type Progress, type TableLoad } from './copy';

/** Bumped when the generated shape changes, so an older data set is made again. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/aog_insights_bench';
/** The data's "now": fixed, so a seed alone decides every row. */
export const DEFAULT_UNTIL = new Date('2026-11-01T00:00:00Z');

export const FULL_SIZE = {
  mentors: 5_000,
  members: 60_000,
  mentorships: 100_000,
  requests: 250_000,
  grown: 40_000,
  messages: 1_500_000,
  events: 1_000_000,
};
export type ScaleSize = typeof FULL_SIZE;

export const sizeAt = (scale: number): ScaleSize =>
  Object.fromEntries(Object.entries(FULL_SIZE).map(([k, v]) => [k, Math.max(k === 'mentors' ? 20 : 50, Math.round(v * scale))])) as ScaleSize;

export type DatasetMarker = CopyDatasetMarker<'insights-scale'>;

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const HOUR = 3_600_000;
const SPAN = 730 * DAY;
const MAX_CAPACITY = 20;

const COHORT = { cold: 0, warm: 1, grow: 2 } as const;
const STATUS = { active: 0, completed: 1, ended: 2 } as const;
const REQUEST = { pending: 0, accepted: 1, declined: 2, withdrawn: 3, expired: 4 } as const;
const REQUEST_STATUS_NAMES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
const OFFER = { accepted: 0, declined: 1, withdrawn: 2 } as const;
const OFFER_STATUS_NAMES = ['accepted', 'declined', 'withdrawn'] as const;
const CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
const LENGTHS = [8, 12, 12, 12, 16, 24, 26];
const DECLINE_REASONS = ['no_capacity', 'not_a_fit', 'prefer_to_grow', 'other'] as const;
const DECLINE_WEIGHTS = [0.35, 0.3, 0.2, 0.15];
const EARLY_REASONS = ['schedule', 'not_a_fit', 'mentee_inactive', 'mentor_unavailable', 'other'] as const;
// Per cohort (cold, warm, grow): a cold ask more often turns out not to fit.
const EARLY_WEIGHTS = [
  [0.25, 0.3, 0.25, 0.1, 0.1],
  [0.3, 0.18, 0.27, 0.13, 0.12],
  [0.35, 0.1, 0.3, 0.13, 0.12],
];
const EARLY_END_SHARE = [0.45, 0.3, 0.22];
const MESSAGES_PER_WEEK = [1.1, 1.6, 2.0];
const GOAL_DONE_SHARE = [0.3, 0.8, 0.35]; // by status: active (scaled by progress), completed, ended

const FIRST = ['Maya', 'Jonas', 'Aiko', 'Liam', 'Sofia', 'Mateo', 'Amara', 'Noah', 'Leila', 'Ravi', 'Elena', 'Kwame', 'Ines', 'Yuki', 'Omar', 'Clara', 'Diego', 'Hana', 'Felix', 'Zara'];
const LAST = ['Okafor', 'Schmidt', 'Tanaka', 'Murphy', 'Rossi', 'Garcia', 'Mensah', 'Kim', 'Haddad', 'Patel', 'Novak', 'Boateng', 'Silva', 'Sato', 'Farouk', 'Larsen', 'Lopez', 'Park', 'Weber', 'Khan'];
const TAGS = ['react', 'typescript', 'python', 'system-design', 'career-growth', 'leadership', 'kubernetes', 'machine-learning', 'go', 'product'];
const TOPICS = ['system design interviews', 'growing into a staff role', 'my first open-source project', 'moving from backend to ML', 'leading a small team', 'writing clearer design docs', 'Kubernetes in production', 'switching careers into tech'];
const GOALS = ['Ship a side project', 'Prepare for interviews', 'Write a design doc', 'Give a talk at a meetup', 'Learn the basics of Go', 'Lead a project end to end', 'Get better at code review', 'Plan the next career step'];
const PHRASES = [
  'Thanks for the notes from last time.',
  'I tried the approach we discussed and it worked.',
  'Could we move our call to Thursday?',
  'Here is the draft, curious what you think.',
  'Great progress this week!',
  'I got stuck on the caching part again.',
  'Read the article you sent, very useful.',
  'Let us pick one goal for the next two weeks.',
  'The interview went well, I think.',
  'Try writing the tests first this time.',
];

function normal(random: Random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Everything the tables need, as numbers; strings are made while the rows are written. */
export function planInsightsHistory(seed: number, size: ScaleSize, until: Date) {
  const T1 = until.getTime();
  const T0 = T1 - SPAN;
  const stream = (k: number) => seededRandom((seed * 7919 + k * 104_729) >>> 0);
  // The platform grows: start times have a density rising linearly over the two years.
  const rampTime = (random: Random) => T0 + SPAN * Math.sqrt(random());

  const people = size.mentors + size.members;
  const idRandom = stream(1);
  const ids = Array.from({ length: people }, () => seededUuid(idRandom));
  const member = (random: Random) => size.mentors + Math.floor(random() * size.members);
  const pairOf = (a: number, b: number) => Math.min(a, b) * people + Math.max(a, b);

  // Mentorships, oldest first.
  const n = size.mentorships;
  const r = stream(2);
  const mentorOf = skewedSampler(size.mentors, 0.8, 50, r);
  const start = new Float64Array(n).map(() => rampTime(r)).sort();
  const end = new Float64Array(n);
  const mentor = new Int32Array(n);
  const mentee = new Int32Array(n);
  const cohort = new Uint8Array(n);
  const status = new Uint8Array(n);
  const reason = new Int8Array(n);
  const endedByMentor = new Uint8Array(n);
  const lengthWeeks = new Uint8Array(n);
  const cadence = new Uint8Array(n);
  const answerDelay = new Float64Array(n);
  const firstContact = new Float64Array(n);
  const goalCount = new Uint8Array(n);
  const active = new Int32Array(size.mentors);
  const activePairs = new Set<number>();
  for (let k = 0; k < n; k++) {
    const c = r() < 0.3 ? COHORT.grow : r() < 0.36 ? COHORT.warm : COHORT.cold;
    cohort[k] = c;
    mentor[k] = mentorOf();
    mentee[k] = member(r);
    lengthWeeks[k] = pick(LENGTHS, r);
    cadence[k] = weighted([0.4, 0.4, 0.2], r);
    goalCount[k] = c === COHORT.grow ? 1 + Math.floor(r() * 3) : 1 + Math.floor(r() * 5);
    let ends: number;
    let early = r() < EARLY_END_SHARE[c]!;
    if (early) ends = start[k]! + WEEK * (0.5 + (lengthWeeks[k]! - 0.5) * r() ** 1.5);
    else ends = start[k]! + WEEK * (lengthWeeks[k]! - 1.5 + 4 * r());
    if (ends > T1) {
      const pair = pairOf(mentor[k]!, mentee[k]!);
      if (active[mentor[k]!]! < MAX_CAPACITY && !activePairs.has(pair)) {
        active[mentor[k]!]!++;
        activePairs.add(pair);
        ends = NaN;
      } else {
        // A mentor at capacity could not have taken this one on as well: it ended before now.
        early = true;
        ends = start[k]! + (T1 - start[k]!) * r();
      }
    }
    end[k] = ends;
    status[k] = Number.isNaN(ends) ? STATUS.active : early ? STATUS.ended : STATUS.completed;
    reason[k] = status[k] === STATUS.active ? -1 : early ? weighted(EARLY_WEIGHTS[c]!, r) : r() < 0.9 ? 0 : 1;
    endedByMentor[k] = r() < 0.5 ? 1 : 0;
    // Most asks are answered within a day; a few wait nearly until they would expire.
    answerDelay[k] = Math.min(13.5 * DAY, Math.max(0.2 * HOUR, HOUR * Math.exp(Math.log(16) + 1.1 * normal(r))));
  }

  // Grown connections: one before each grow-origin mentorship (most within 30 days of it),
  // and more that never became one.
  const g = stream(3);
  const grownA: number[] = [];
  const grownB: number[] = [];
  const grownAt: number[] = [];
  const grownFirst: number[] = [];
  const grownActor: number[] = [];
  const grownOf = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    if (cohort[k] !== COHORT.grow) continue;
    const delay = g() < 0.8 ? 30 * DAY * g() ** 1.5 : 30 * DAY + 90 * DAY * g();
    const at = start[k]! - delay;
    grownOf[k] = grownAt.length;
    grownA.push(mentor[k]!);
    grownB.push(mentee[k]!);
    grownAt.push(at);
    grownFirst.push(at - DAY * (14 + 160 * g()));
    grownActor.push(g() < 0.5 ? mentor[k]! : mentee[k]!);
    firstContact[k] = grownFirst[grownFirst.length - 1]!;
  }
  const mentorPick = skewedSampler(size.mentors, 0.8, 50, g);
  while (grownAt.length < size.grown) {
    const a = g() < 0.7 ? mentorPick() : member(g);
    const b = member(g);
    if (a === b) continue;
    const at = rampTime(g);
    grownA.push(a);
    grownB.push(b);
    grownAt.push(at);
    grownFirst.push(at - DAY * (14 + 160 * g()));
    grownActor.push(g() < 0.5 ? a : b);
  }

  // Offers: the accepted one behind each grow-origin mentorship, and some declined or
  // withdrawn ones between a mentor and a member whose connection grew.
  const o = stream(4);
  const offerMentor: number[] = [];
  const offerMentee: number[] = [];
  const offerKind: number[] = [];
  const offerStatus: number[] = [];
  const offerCreated: number[] = [];
  const offerAnswered: number[] = [];
  const offerMentorship: number[] = [];
  for (let k = 0; k < n; k++) {
    if (cohort[k] !== COHORT.grow) continue;
    offerMentor.push(mentor[k]!);
    offerMentee.push(mentee[k]!);
    offerKind.push(o() < 0.6 ? 0 : 1);
    offerStatus.push(OFFER.accepted);
    offerCreated.push(Math.max(grownAt[grownOf[k]!]!, start[k]! - 5 * DAY * o()));
    offerAnswered.push(start[k]!);
    offerMentorship.push(k);
  }
  for (let j = 0, grow = offerMentor.length; j < grownAt.length && offerMentor.length < grow * 1.15; j++) {
    if (grownA[j]! >= size.mentors || o() > 0.5) continue;
    const created = grownAt[j]! + 10 * DAY * o();
    const answered = created + 5 * DAY * o();
    if (answered > T1) continue;
    offerMentor.push(grownA[j]!);
    offerMentee.push(grownB[j]!);
    offerKind.push(o() < 0.6 ? 0 : 1);
    offerStatus.push(o() < 0.6 ? OFFER.declined : OFFER.withdrawn);
    offerCreated.push(created);
    offerAnswered.push(answered);
    offerMentorship.push(-1);
  }

  // Requests: the accepted one behind each ask-origin mentorship, and the rest of the total
  // declined, withdrawn, expired or (in the last two weeks) still pending.
  const q = stream(5);
  const reqMentor: number[] = [];
  const reqMentee: number[] = [];
  const reqWarm: number[] = [];
  const reqStatus: number[] = [];
  const reqReason: number[] = [];
  const reqCreated: number[] = [];
  const reqAnswered: number[] = [];
  const reqMentorship: number[] = [];
  const reqGoals: number[] = [];
  const reqCadence: number[] = [];
  const reqLength: number[] = [];
  for (let k = 0; k < n; k++) {
    if (cohort[k] === COHORT.grow) continue;
    const created = start[k]! - answerDelay[k]!;
    reqMentor.push(mentor[k]!);
    reqMentee.push(mentee[k]!);
    reqWarm.push(cohort[k] === COHORT.warm ? 1 : 0);
    reqStatus.push(REQUEST.accepted);
    reqReason.push(-1);
    reqCreated.push(created);
    reqAnswered.push(start[k]!);
    reqMentorship.push(k);
    reqGoals.push(goalCount[k]!);
    reqCadence.push(cadence[k]!);
    reqLength.push(lengthWeeks[k]!);
    firstContact[k] = cohort[k] === COHORT.warm ? created - DAY * (3 + 120 * q() ** 2) : created;
  }
  const pendingPairs = new Set<number>();
  const requestMentor = skewedSampler(size.mentors, 0.8, 50, q);
  while (reqCreated.length < size.requests) {
    const m = requestMentor();
    const e = member(q);
    const created = rampTime(q);
    let s: number = weighted([0.5, 0.2, 0.3], q) + REQUEST.declined;
    let answered =
      s === REQUEST.declined
        ? created + Math.min(13.9 * DAY, HOUR * Math.exp(Math.log(30) + 1.2 * normal(q)))
        : s === REQUEST.withdrawn
          ? created + 13.9 * DAY * q()
          : created + 14 * DAY;
    if (answered > T1) {
      const pair = m * people + e;
      if (pendingPairs.has(pair)) continue;
      pendingPairs.add(pair);
      s = REQUEST.pending;
      answered = NaN;
    }
    reqMentor.push(m);
    reqMentee.push(e);
    reqWarm.push(q() < 0.25 ? 1 : 0);
    reqStatus.push(s);
    reqReason.push(s === REQUEST.declined ? weighted(DECLINE_WEIGHTS, q) : -1);
    reqCreated.push(created);
    reqAnswered.push(answered);
    reqMentorship.push(-1);
    reqGoals.push(1 + Math.floor(q() * 5));
    reqCadence.push(weighted([0.4, 0.4, 0.2], q));
    reqLength.push(pick(LENGTHS, q));
  }
  const requestOrder = orderBy(reqCreated);
  const requestOfMentorship = new Int32Array(n).fill(-1);
  requestOrder.forEach((j, rank) => {
    if (reqMentorship[j]! >= 0) requestOfMentorship[reqMentorship[j]!] = rank;
  });
  const requestIds = Array.from({ length: reqCreated.length }, () => seededUuid(idRandom));
  const offerOrder = orderBy(offerCreated);
  const offerIds = Array.from({ length: offerCreated.length }, () => seededUuid(idRandom));
  const mentorshipIds = Array.from({ length: n }, () => seededUuid(idRandom));

  // Goals (done ones dated), ratings (whoever ended it, and often the other side).
  const h = stream(6);
  const goalDoneAt: number[] = [];
  const goalDoneByMentor: number[] = [];
  const goalStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    goalStart[k] = goalDoneAt.length;
    const until = Number.isNaN(end[k]!) ? T1 : end[k]!;
    const share = status[k] === STATUS.active ? GOAL_DONE_SHARE[0]! * Math.min(1, (T1 - start[k]!) / (lengthWeeks[k]! * WEEK)) : GOAL_DONE_SHARE[status[k]!]!;
    for (let i = 0; i < goalCount[k]!; i++) {
      goalDoneAt.push(h() < share ? start[k]! + (until - start[k]!) * (0.2 + 0.8 * h()) : NaN);
      goalDoneByMentor.push(h() < 0.3 ? 1 : 0);
    }
  }
  goalStart[n] = goalDoneAt.length;
  const ratingMentorship: number[] = [];
  const ratingByMentor: number[] = [];
  const ratingValue: number[] = [];
  const ratingAt: number[] = [];
  for (let k = 0; k < n; k++) {
    if (status[k] === STATUS.active) continue;
    const mean = (status[k] === STATUS.completed ? 4.4 : 3.0) + (cohort[k] === COHORT.grow ? 0.25 : cohort[k] === COHORT.warm ? 0.1 : 0);
    const rate = (byMentor: number, at: number) => {
      ratingMentorship.push(k);
      ratingByMentor.push(byMentor);
      ratingValue.push(Math.max(1, Math.min(5, Math.round(mean + 0.8 * normal(h)))));
      ratingAt.push(at);
    };
    rate(endedByMentor[k]!, end[k]!);
    const later = end[k]! + 10 * DAY * h();
    if (h() < 0.6 && later <= T1) rate(1 - endedByMentor[k]!, later);
  }

  // Messages: a cohort's rate per week over the weeks the mentorship ran, with spread between
  // pairs, scaled so the total lands near the size asked for; oldest first.
  const w = stream(7);
  const weight = new Float64Array(n);
  let expected = 0;
  for (let k = 0; k < n; k++) {
    const weeks = ((Number.isNaN(end[k]!) ? T1 : end[k]!) - start[k]!) / WEEK;
    weight[k] = MESSAGES_PER_WEEK[cohort[k]!]! * weeks * (0.2 + 1.6 * w());
    expected += weight[k]!;
  }
  const perMentorship = new Uint32Array(n);
  let messageCount = 0;
  for (let k = 0; k < n; k++) {
    perMentorship[k] = Math.floor((weight[k]! * size.messages) / expected + w());
    messageCount += perMentorship[k]!;
  }
  const messageAt = new Float64Array(messageCount);
  const messageOf = new Int32Array(messageCount);
  const messageByMentor = new Uint8Array(messageCount);
  for (let k = 0, i = 0; k < n; k++) {
    const until = Number.isNaN(end[k]!) ? T1 : end[k]!;
    for (let j = 0; j < perMentorship[k]!; j++, i++) {
      messageAt[i] = start[k]! + (until - start[k]!) * w();
      messageOf[i] = k;
      messageByMentor[i] = w() < 0.45 ? 1 : 0;
    }
  }
  const messageOrder = orderBy(messageAt);

  return {
    T0,
    T1,
    size,
    ids,
    active,
    mentorships: { start, end, mentor, mentee, cohort, status, reason, endedByMentor, lengthWeeks, cadence, firstContact, goalCount, ids: mentorshipIds, requestOf: requestOfMentorship },
    grown: { a: grownA, b: grownB, at: grownAt, firstAt: grownFirst, actor: grownActor },
    offers: { mentor: offerMentor, mentee: offerMentee, kind: offerKind, status: offerStatus, created: offerCreated, answered: offerAnswered, mentorship: offerMentorship, order: offerOrder, ids: offerIds },
    requests: {
      mentor: reqMentor,
      mentee: reqMentee,
      warm: reqWarm,
      status: reqStatus,
      reason: reqReason,
      created: reqCreated,
      answered: reqAnswered,
      mentorship: reqMentorship,
      goals: reqGoals,
      cadence: reqCadence,
      length: reqLength,
      order: requestOrder,
      ids: requestIds,
    },
    goals: { doneAt: goalDoneAt, doneByMentor: goalDoneByMentor, start: goalStart },
    ratings: { mentorship: ratingMentorship, byMentor: ratingByMentor, value: ratingValue, at: ratingAt },
    messages: { count: messageCount, at: messageAt, of: messageOf, byMentor: messageByMentor, order: messageOrder },
    seedRandom: stream(8),
  };
}

type Plan = ReturnType<typeof planInsightsHistory>;

/** The tables in insertion order (parents before children), each as COPY lines. */
function tablesOf(plan: Plan): Table[] {
  const { ids, size, mentorships: M, requests: R, offers: O, grown: G, goals, ratings, messages } = plan;
  const people = ids.length;
  const random = plan.seedRandom;
  const handle = (i: number) => (i < size.mentors ? `mentor_${i}` : `member_${i - size.mentors}`);

  const events = eventPlan(plan);

  return [
    {
      table: 'users',
      columns: ['id', 'handle', 'email', 'display_name', 'role', 'created_at', 'updated_at'],
      rows: people,
      *lines() {
        for (let i = 0; i < people; i++) {
          const created = iso(plan.T0 - DAY * 365 * random());
          yield line([ids[i]!, handle(i), `${handle(i)}@bench.askorgrow.test`, `${pick(FIRST, random)} ${pick(LAST, random)}`, 'member', created, created]);
        }
      },
    },
    {
      table: 'mentor_profiles',
      columns: ['user_id', 'headline', 'bio', 'years_experience', 'languages', 'timezone', 'country', 'tags', 'capacity', 'accepting', 'start_preference', 'created_at', 'updated_at'],
      rows: size.mentors,
      *lines() {
        for (let i = 0; i < size.mentors; i++) {
          const years = 3 + Math.floor(random() * 25);
          const tags = [...new Set([pick(TAGS, random), pick(TAGS, random), pick(TAGS, random)])];
          const created = iso(plan.T0 - DAY * 200 * random());
          yield line([
            ids[i]!,
            `${pick(['Staff engineer', 'Engineering manager', 'Data scientist', 'Product designer', 'SRE'], random)} · ${years} years`,
            `I help people with ${tags.join(', ')}.`,
            years,
            '{en}',
            'Europe/Berlin',
            'DE',
            `{${tags.join(',')}}`,
            Math.max(3, plan.active[i]!),
            't',
            pick(['ask', 'grow', 'either', 'either'], random),
            created,
            created,
          ]);
        }
      },
    },
    {
      table: 'mentorships',
      columns: ['id', 'mentor_id', 'mentee_id', 'origin', 'warmth', 'status', 'started_at', 'ended_at', 'end_reason', 'ended_by', 'request_id', 'cadence', 'length_weeks', 'first_contact_at'],
      rows: M.start.length,
      *lines() {
        for (let k = 0; k < M.start.length; k++) {
          const grow = M.cohort[k] === COHORT.grow;
          const st = M.status[k]!;
          const reason = st === STATUS.active ? null : st === STATUS.completed ? (M.reason[k] === 0 ? 'goals_met' : 'other') : EARLY_REASONS[M.reason[k]!]!;
          yield line([
            M.ids[k]!,
            ids[M.mentor[k]!]!,
            ids[M.mentee[k]!]!,
            grow ? 'grow' : 'ask',
            grow ? null : M.cohort[k] === COHORT.warm ? 'warm' : 'cold',
            ['active', 'completed', 'ended'][st]!,
            iso(M.start[k]!),
            iso(M.end[k]!),
            reason,
            st === STATUS.active ? null : ids[M.endedByMentor[k] ? M.mentor[k]! : M.mentee[k]!]!,
            grow ? null : R.ids[M.requestOf[k]!]!,
            grow ? null : CADENCES[M.cadence[k]!]!,
            grow ? null : M.lengthWeeks[k]!,
            iso(Math.min(M.firstContact[k]!, M.start[k]!)),
          ]);
        }
      },
    },
    {
      table: 'mentorship_requests',
      columns: ['id', 'mentee_id', 'mentor_id', 'message', 'goals', 'cadence', 'length_weeks', 'status', 'decline_reason', 'warmth', 'created_at', 'expires_at', 'answered_at', 'mentorship_id'],
      rows: R.created.length,
      *lines() {
        for (let rank = 0; rank < R.order.length; rank++) {
          const j = R.order[rank]!;
          const goals = Array.from({ length: R.goals[j]! }, (_, i) => GOALS[(j + i) % GOALS.length]!);
          yield line([
            R.ids[rank]!,
            ids[R.mentee[j]!]!,
            ids[R.mentor[j]!]!,
            `Hi! I would love your help with ${TOPICS[j % TOPICS.length]}. I have been working on it for a while and feel stuck.`,
            textArray(goals),
            CADENCES[R.cadence[j]!]!,
            R.length[j]!,
            REQUEST_STATUS_NAMES[R.status[j]!]!,
            R.reason[j]! >= 0 ? DECLINE_REASONS[R.reason[j]!]! : null,
            R.warm[j] ? 'warm' : 'cold',
            iso(R.created[j]!),
            iso(R.created[j]! + 14 * DAY),
            iso(R.answered[j]!),
            R.mentorship[j]! >= 0 ? M.ids[R.mentorship[j]!]! : null,
          ]);
        }
      },
    },
    {
      table: 'mentorship_offers',
      columns: ['id', 'kind', 'mentor_id', 'mentee_id', 'message', 'status', 'created_at', 'answered_at', 'mentorship_id'],
      rows: O.created.length,
      *lines() {
        for (let rank = 0; rank < O.order.length; rank++) {
          const j = O.order[rank]!;
          yield line([
            O.ids[rank]!,
            O.kind[j] ? 'proposal' : 'offer',
            ids[O.mentor[j]!]!,
            ids[O.mentee[j]!]!,
            O.kind[j] ? 'Shall we make this a mentorship?' : 'I would be glad to mentor you.',
            OFFER_STATUS_NAMES[O.status[j]!]!,
            iso(O.created[j]!),
            iso(O.answered[j]!),
            O.mentorship[j]! >= 0 ? M.ids[O.mentorship[j]!]! : null,
          ]);
        }
      },
    },
    {
      table: 'mentorship_goals',
      columns: ['id', 'mentorship_id', 'title', 'position', 'done_at', 'done_by', 'created_at'],
      rows: goals.doneAt.length,
      *lines() {
        for (let k = 0; k < M.start.length; k++) {
          for (let i = goals.start[k]!; i < goals.start[k + 1]!; i++) {
            const done = !Number.isNaN(goals.doneAt[i]!);
            yield line([
              events.goalIds[i]!,
              M.ids[k]!,
              GOALS[(k + i) % GOALS.length]!,
              i - goals.start[k]!,
              iso(goals.doneAt[i]!),
              done ? ids[goals.doneByMentor[i] ? M.mentor[k]! : M.mentee[k]!]! : null,
              iso(M.start[k]!),
            ]);
          }
        }
      },
    },
    {
      table: 'mentorship_ratings',
      columns: ['mentorship_id', 'rater_id', 'rating', 'comment', 'created_at'],
      rows: ratings.at.length,
      *lines() {
        for (let i = 0; i < ratings.at.length; i++) {
          const k = ratings.mentorship[i]!;
          yield line([M.ids[k]!, ids[ratings.byMentor[i] ? M.mentor[k]! : M.mentee[k]!]!, ratings.value[i]!, '', iso(ratings.at[i]!)]);
        }
      },
    },
    {
      table: 'mentorship_messages',
      columns: ['id', 'mentorship_id', 'author_id', 'body', 'created_at'],
      rows: messages.count,
      *lines() {
        for (let rank = 0; rank < messages.count; rank++) {
          const i = messages.order[rank]!;
          const k = messages.of[i]!;
          const body = random() < 0.5 ? pick(PHRASES, random) : `${pick(PHRASES, random)} ${pick(PHRASES, random)}`;
          yield line([events.messageIds[rank]!, M.ids[k]!, ids[messages.byMentor[i] ? M.mentor[k]! : M.mentee[k]!]!, body, iso(messages.at[i]!)]);
        }
      },
    },
    {
      table: 'events',
      columns: ['type', 'actor_id', 'mentor_id', 'mentee_id', 'request_id', 'mentorship_id', 'data', 'created_at'],
      rows: events.count,
      lines: events.lines,
    },
  ];

  function eventPlan(plan: Plan) {
    const idRandom = seededRandom(plan.size.events ^ 0x5bd1e995);
    const goalIds = Array.from({ length: goals.doneAt.length }, () => seededUuid(idRandom));
    const messageIds = Array.from({ length: messages.count }, () => seededUuid(idRandom));
    const Kind = { RequestSent: 0, RequestAnswered: 1, OfferSent: 2, OfferAnswered: 3, Grown: 4, Started: 5, Ended: 6, Rated: 7, GoalDone: 8, Message: 9 } as const;
    const at: number[] = [];
    const kind: number[] = [];
    const ref: number[] = [];
    const add = (when: number, k: number, index: number) => {
      at.push(when);
      kind.push(k);
      ref.push(index);
    };
    R.order.forEach((j, rank) => {
      add(R.created[j]!, Kind.RequestSent, rank);
      if (!Number.isNaN(R.answered[j]!)) add(R.answered[j]!, Kind.RequestAnswered, rank);
    });
    O.order.forEach((j, rank) => {
      add(O.created[j]!, Kind.OfferSent, rank);
      add(O.answered[j]!, Kind.OfferAnswered, rank);
    });
    G.at.forEach((when, j) => add(when, Kind.Grown, j));
    for (let k = 0; k < M.start.length; k++) {
      add(M.start[k]!, Kind.Started, k);
      if (!Number.isNaN(M.end[k]!)) add(M.end[k]!, Kind.Ended, k);
    }
    ratings.at.forEach((when, i) => add(when, Kind.Rated, i));
    // The log fills up to the size asked for with the latest goal completions and messages,
    // as if those two kinds were logged only from some date on.
    const room = plan.size.events - at.length;
    if (room < 0) throw new Error(`The events table would need ${at.length} rows before messages; raise the events size.`);
    const done = orderBy(goals.doneAt.map((t) => (Number.isNaN(t) ? -Infinity : t))).filter((i) => !Number.isNaN(goals.doneAt[i]!));
    const goalEvents = Math.min(done.length, Math.floor(room / 4));
    for (const i of done.slice(done.length - goalEvents)) add(goals.doneAt[i]!, Kind.GoalDone, i);
    const messageEvents = Math.min(messages.count, plan.size.events - at.length);
    for (let rank = messages.count - messageEvents; rank < messages.count; rank++) add(messages.at[messages.order[rank]!]!, Kind.Message, rank);
    const order = orderBy(at);
    const mentorshipOfGoal = new Int32Array(goals.doneAt.length);
    for (let k = 0; k < M.start.length; k++) mentorshipOfGoal.fill(k, goals.start[k]!, goals.start[k + 1]!);

    const mentorshipColumns = (k: number, requestId: string | null = null) => [ids[M.mentor[k]!]!, ids[M.mentee[k]!]!, requestId, M.ids[k]!];
    const row = (k: number, i: number): (string | number | null)[] => {
      switch (k) {
        case Kind.RequestSent:
        case Kind.RequestAnswered: {
          const j = R.order[i]!;
          const base = [ids[R.mentor[j]!]!, ids[R.mentee[j]!]!, R.ids[i]!];
          const warmth = R.warm[j] ? 'warm' : 'cold';
          if (k === Kind.RequestSent) return ['request.sent', ids[R.mentee[j]!]!, ...base, null, JSON.stringify({ warmth, goals: R.goals[j], cadence: CADENCES[R.cadence[j]!], lengthWeeks: R.length[j] })];
          const waitedMs = Math.round(R.answered[j]! - R.created[j]!);
          switch (R.status[j]) {
            case REQUEST.accepted:
              return ['request.accepted', ids[R.mentor[j]!]!, ...base, M.ids[R.mentorship[j]!]!, JSON.stringify({ waitedMs })];
            case REQUEST.declined:
              return ['request.declined', ids[R.mentor[j]!]!, ...base, null, JSON.stringify({ reason: DECLINE_REASONS[R.reason[j]!], waitedMs })];
            case REQUEST.withdrawn:
              return ['request.withdrawn', ids[R.mentee[j]!]!, ...base, null, '{}'];
            default:
              return ['request.expired', null, ...base, null, '{}'];
          }
        }
        case Kind.OfferSent:
        case Kind.OfferAnswered: {
          const j = O.order[i]!;
          const sender = O.kind[j] ? O.mentee[j]! : O.mentor[j]!;
          const receiver = O.kind[j] ? O.mentor[j]! : O.mentee[j]!;
          const data = JSON.stringify({ offerId: O.ids[i], kind: O.kind[j] ? 'proposal' : 'offer' });
          const base = [ids[O.mentor[j]!]!, ids[O.mentee[j]!]!, null];
          if (k === Kind.OfferSent) return ['offer.sent', ids[sender]!, ...base, null, data];
          const s = O.status[j]!;
          if (s === OFFER.accepted) return ['offer.accepted', ids[receiver]!, ...base, M.ids[O.mentorship[j]!]!, data];
          return s === OFFER.declined ? ['offer.declined', ids[receiver]!, ...base, null, data] : ['offer.withdrawn', ids[sender]!, ...base, null, data];
        }
        case Kind.Grown:
          return [
            'rapport.grown',
            ids[G.actor[i]!]!,
            null,
            null,
            null,
            null,
            JSON.stringify({ pair: pairKey(ids[G.a[i]!]!, ids[G.b[i]!]!), score: 3 + (i % 9), weeks: 2 + (i % 17), firstAt: new Date(G.firstAt[i]!).toISOString() }),
          ];
        case Kind.Started: {
          const grow = M.cohort[i] === COHORT.grow;
          const request = grow ? null : R.ids[M.requestOf[i]!]!;
          // Who accepted: the mentor for a request; for an offer, the mentee (a proposal: the mentor).
          const data = grow ? { origin: 'grow', via: 'offer' } : { origin: 'ask', warmth: M.cohort[i] === COHORT.warm ? 'warm' : 'cold' };
          return ['mentorship.started', ids[grow ? M.mentee[i]! : M.mentor[i]!]!, ...mentorshipColumns(i, request), JSON.stringify(data)];
        }
        case Kind.Ended: {
          const byMentor = M.endedByMentor[i]!;
          const st = M.status[i]!;
          const reason = st === STATUS.completed ? (M.reason[i] === 0 ? 'goals_met' : 'other') : EARLY_REASONS[M.reason[i]!];
          const data = { outcome: st === STATUS.completed ? 'completed' : 'ended', reason, by: byMentor ? 'mentor' : 'mentee' };
          return ['mentorship.ended', ids[byMentor ? M.mentor[i]! : M.mentee[i]!]!, ...mentorshipColumns(i), JSON.stringify(data)];
        }
        case Kind.Rated: {
          const k = ratings.mentorship[i]!;
          const byMentor = ratings.byMentor[i]!;
          return ['mentorship.rated', ids[byMentor ? M.mentor[k]! : M.mentee[k]!]!, ...mentorshipColumns(k), JSON.stringify({ rating: ratings.value[i], by: byMentor ? 'mentor' : 'mentee' })];
        }
        case Kind.GoalDone: {
          const k = mentorshipOfGoal[i]!;
          return ['mentorship.goal_done', ids[goals.doneByMentor[i] ? M.mentor[k]! : M.mentee[k]!]!, ...mentorshipColumns(k), JSON.stringify({ goalId: goalIds[i] })];
        }
        default: {
          const m = messages.order[i]!;
          const k = messages.of[m]!;
          return ['mentorship.message', ids[messages.byMentor[m] ? M.mentor[k]! : M.mentee[k]!]!, ...mentorshipColumns(k), JSON.stringify({ messageId: messageIds[i], length: 40 })];
        }
      }
    };
    return {
      goalIds,
      messageIds,
      count: order.length,
      *lines() {
        for (const e of order) yield line([...row(kind[e]!, ref[e]!), iso(at[e]!)]);
      },
    };
  }
}

const INSIGHTS_DATASET: DatasetSpec<'insights-scale'> = {
  generator: 'insights-scale',
  version: GENERATOR_VERSION,
  defaultUntil: DEFAULT_UNTIL,
  kind: 'an insights benchmark data set',
  urlVariable: 'BENCH_DATABASE_URL',
  plan({ seed, scale, until, log }) {
    const size = sizeAt(scale);
    log(`Planning ${size.mentorships.toLocaleString('en-US')} mentorships and ${size.events.toLocaleString('en-US')} events (seed ${seed})…`);
    return tablesOf(planInsightsHistory(seed, size, until));
  },
};

/**
 * Makes sure the database at `url` holds the data set for this seed and size: reuses it when
 * its marker (a comment on the database) says so, otherwise drops and re-creates it — only if
 * it is one of ours or has no tables, never someone else's database. Migrations are applied
 * either way, so a new index reaches the kept data.
 */
export const ensureInsightsDataset = (url: string, options: EnsureOptions): Promise<{ marker: DatasetMarker; reused: boolean }> =>
  ensureDataset(url, INSIGHTS_DATASET, options);
