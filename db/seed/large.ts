// `npm run db:seed -- --scale large` (issue 9): a large, repeatable community for load tests and
// the page benchmark (bench/bench.mts) — at full size 10,000 mentors and 100,000 members, 200,000
// posts, 1,000,000 comments, 1,000,000 reactions, 500,000 follows, 50,000 mentorship requests and
// 20,000 mentorships with their goals, messages, ratings and events — written with COPY into a
// dedicated Postgres database that is kept and reused while seed and size stay the same.
//
// Everything is planned as numbers first (who, when, which post), from a seed alone; text is made
// per row while the rows stream into COPY, each row from its own seeded source. The shape follows
// the product: the community grows over the two years before `until`, early members are the most
// active, a few mentors and posts draw most of the attention, replies make up ~30% of comments.
//
// Counters: the rows carry them, counted from the plan — users.follower_count, the posts' comment
// and reaction counts, mentor_profiles.active_mentee_count, the mentorships' message, goal and
// done-goal counts — and the triggers that keep them are off for the COPY of the rows they count
// (`triggersOff`), then on again. Left on, each would rewrite its parent table after the COPY
// (every post twice, 270 MB each time; 100,000 users, each firing the copy of its count to
// mentor_profiles) and keep it from settling while later tables load. Every counter is then
// recounted from the rows (`verifyCounters`) before the data set is marked complete, and the
// checks still hold row by row (capacity: active_mentee_count ≤ capacity). The other triggers stay
// on: the directory's search vectors and its copies of name, handle and follower count are made
// by the database, as for any profile. (session_replication_role = replica would switch off those
// too, and the foreign keys, which are rebuilt and validated anyway.)
// Secondary indexes and foreign keys are dropped for the load and rebuilt in a second session as
// each table is loaded, while the next tables load; the rows go in with COPY FREEZE, so no VACUUM
// rewrites them afterwards (copy.ts). That keeps the whole load above 50,000 rows/s on two cores.
import type postgres from 'postgres';
import { REACTION_KINDS } from '@/db/schema';
import { markdownToPlainText } from '@/lib/markdown';
import { hashPassword } from '@/lib/password';
import { cumulativeSampler, seededRandom, standardNormal } from './bulk';
import { slugify } from './content';
import {
  AREAS,
  AUTHOR_REPLIES,
  CLOSINGS,
  CODE,
  COMMENT_OPENINGS,
  COMMENT_SECONDS,
  DECLINE_NOTES,
  FOLLOW_UPS,
  HEADINGS,
  LEAD_FOLLOWERS,
  LEAD_OPENERS,
  LIST_INTROS,
  PARAGRAPHS,
  REQUEST_CLOSINGS,
  REQUEST_GOALS,
  REQUEST_MIDDLES,
  REQUEST_OPENINGS,
  TAG_AREAS,
  TITLES,
  type CommentKind,
} from './content-words';
import {
  ensureDataset,
  iso,
  line,
  pick,
  skewedSampler,
  text,
  textArray,
  weighted,
  type DatasetMarker,
  type DatasetSpec,
  type EnsureOptions,
  type Escaped,
  type Random,
  type Table,
} from './copy';
import { DEMO_PASSWORD } from './demo';
import { COMPANIES, EARLY_END_REASONS, EXTRA_LANGUAGES, GENERAL_TAGS, MEMBER_GOALS, MEMBER_ROLES, MENTOR_CLOSINGS, PLACES, SOLO_TITLES, START_NOTES, TAGS, TRACKS, type TagSlug } from './words';

/** Bumped when the generated shape changes, so an older data set is made again. */
export const LARGE_GENERATOR_VERSION = 1;
export const DEFAULT_LARGE_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/aog_large';
/** The data's "now": fixed, so a seed alone decides every row. */
export const DEFAULT_LARGE_UNTIL = new Date('2026-11-25T00:00:00Z');

export const LARGE_SIZE = {
  mentors: 10_000,
  members: 100_000,
  posts: 200_000,
  comments: 1_000_000,
  reactions: 1_000_000,
  follows: 500_000,
  requests: 50_000,
  mentorships: 20_000,
  messages: 100_000,
};
export type LargeSize = typeof LARGE_SIZE;

/** The named scales; any other is a fraction of the large one. */
export const SCALES = { large: 1, medium: 0.1 } as const;

// The fixtures fit in any size from these up; below them a count is raised to its minimum.
const MINIMUM: LargeSize = { mentors: 20, members: 250, posts: 300, comments: 1_200, reactions: 600, follows: 600, requests: 50, mentorships: 20, messages: 50 };

/** The counts at a fraction of the large size (never below what the fixtures need). */
export const sizeAt = (scale: number): LargeSize =>
  Object.fromEntries(Object.entries(LARGE_SIZE).map(([k, v]) => [k, Math.max(MINIMUM[k as keyof LargeSize], Math.round(v * scale))])) as LargeSize;

/** "large", "medium" or a fraction such as "0.01" → the scale; throws a message otherwise. */
export function scaleOf(value: string): number {
  if (value in SCALES) return SCALES[value as keyof typeof SCALES];
  const scale = /^\d*\.?\d+$/.test(value) ? Number(value) : NaN;
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be large, medium or a fraction from 0 to 1 such as 0.01; got "${value}".`);
  return scale;
}

export const BENCH_READER = 'bench_reader';
export const BENCH_MENTOR = 'bench_mentor';
export const BENCH_WRITER = 'bench_writer';
export const LONG_THREAD_SLUG = 'bench-long-thread';
const FIXTURE_DOMAIN = 'bench.askorgrow.test';
/** Of all comments, the long thread's included, about this share are replies to another comment. */
const REPLY_SHARE = 0.3;

/**
 * The accounts and content the benchmark relies on, among the generated rows. They keep these
 * sizes at every scale (the reader's 200 follows, the mentor's 50 posts, the thread's 1,000
 * comments); the mentor's followers are 5% of all accounts and the thread's reactions 1,000
 * (at most 30% of all reactions). Every generated account, these included, has `password`.
 */
export const LARGE_FIXTURES = {
  password: DEMO_PASSWORD,
  reader: { handle: BENCH_READER, email: `${BENCH_READER}@${FIXTURE_DOMAIN}`, follows: 200 },
  mentor: { handle: BENCH_MENTOR, email: `${BENCH_MENTOR}@${FIXTURE_DOMAIN}`, posts: 50, followerShare: 0.05, capacity: 20 },
  longThread: { slug: LONG_THREAD_SLUG, comments: 1_000, replyShare: REPLY_SHARE, reactions: 1_000 },
  writer: { handle: BENCH_WRITER, email: `${BENCH_WRITER}@${FIXTURE_DOMAIN}` },
} as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const SPAN = 730 * DAY;
const MAX_DEPTH = 50;

// ---- Seeded sources and ids ------------------------------------------------------------------

/** MurmurHash3's finaliser: a bijection on 32-bit integers that mixes every bit. */
function fmix32(h: number) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number) => HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;

/**
 * The i-th id of one kind of row, shaped as a version-4 UUID. Its first 32 bits are a bijection
 * of i, so two rows of a kind never share an id, and any id can be made again from its number
 * alone (a reply names its parent, a reaction its comment, without a table of strings).
 */
function idsOf(seed: number, kind: number) {
  const k = [1, 2, 3, 4].map((j) => fmix32((seed ^ Math.imul(kind * 4 + j, 0x9e3779b1)) >>> 0));
  return (i: number) => {
    const a = fmix32((i + k[0]!) >>> 0);
    const b = hex8(fmix32((a ^ k[1]!) >>> 0));
    const c = hex8(fmix32((a + k[2]!) >>> 0));
    const d = hex8(fmix32((a ^ k[3]!) >>> 0));
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex8(a)}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
}

/** A seeded source per row, so a row's text does not depend on the rows before it. */
const rowRandom = (seed: number, salt: number, index: number) => seededRandom((fmix32((seed ^ Math.imul(salt, 0x27d4eb2f)) >>> 0) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);

/** Exponential, with the given mean. */
const exponential = (random: Random, mean: number) => -Math.log(1 - random()) * mean;

/** `count` whole shares of `total`, in proportion to the weights, adding up exactly. */
function apportion(weights: Float64Array, total: number, random: Random) {
  let sum = 0;
  for (const w of weights) sum += w;
  const counts = new Uint32Array(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i++) given += counts[i] = Math.floor((weights[i]! * total) / sum + random());
  // Rounding leaves the sum a little off: settle the difference one at a time on random shares.
  while (given !== total) {
    const i = Math.floor(random() * weights.length);
    if (weights[i] === 0) continue;
    const step = given < total ? 1 : counts[i]! > 0 ? -1 : 0;
    counts[i] = counts[i]! + step;
    given += step;
  }
  return counts;
}

/**
 * Indices 0..n-1 ordered by their times (to a tenth of a second), ties by index: the order rows
 * are inserted in. Each time and index is packed into one number and sorted natively, several
 * times faster than sorting indices with a comparator (the index takes the low 22 bits).
 */
function chronological(times: Float64Array, origin: number) {
  if (times.length > 1 << 22) throw new Error('chronological: too many rows');
  const keys = new Float64Array(times.length);
  for (let i = 0; i < times.length; i++) keys[i] = Math.floor((times[i]! - origin) / 100) * (1 << 22) + i;
  keys.sort();
  const order = new Uint32Array(times.length);
  for (let i = 0; i < order.length; i++) order[i] = keys[i]! % (1 << 22);
  return order;
}

/** A set of whole numbers below 2^53 (open addressing), for the millions of pairs checked. */
function numberSet(expected: number) {
  let size = 1;
  while (size < expected * 2) size <<= 1;
  const keys = new Float64Array(size).fill(-1);
  const mask = size - 1;
  /** Adds `key`; false when it was there already. */
  return (key: number) => {
    let slot = fmix32((key ^ (key / 4294967296)) >>> 0) & mask;
    while (keys[slot] !== -1) {
      if (keys[slot] === key) return false;
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    return true;
  };
}

// ---- Words -------------------------------------------------------------------------------------

// ASCII, so handles can be made from them.
const FIRST = [
  'Maya', 'Jonas', 'Aiko', 'Liam', 'Sofia', 'Mateo', 'Amara', 'Noah', 'Leila', 'Ravi', 'Elena', 'Kwame', 'Ines', 'Yuki', 'Omar', 'Clara',
  'Diego', 'Hana', 'Felix', 'Zara', 'Priya', 'Lukas', 'Chloe', 'Tariq', 'Nadia', 'Jun', 'Ada', 'Marco', 'Freya', 'Kofi', 'Lina', 'Sam',
  'Oksana', 'Haruto', 'Mei', 'Bruno', 'Ana', 'Emeka', 'Isla', 'Viktor',
];
const LAST = [
  'Okafor', 'Schmidt', 'Tanaka', 'Murphy', 'Rossi', 'Garcia', 'Mensah', 'Kim', 'Haddad', 'Patel', 'Novak', 'Boateng', 'Silva', 'Sato',
  'Farouk', 'Larsen', 'Lopez', 'Park', 'Weber', 'Khan', 'Rivera', 'Nguyen', 'Kowalski', 'Dubois', 'Jensen', 'Costa', 'Adeyemi', 'Ito',
  'Moreau', 'Fischer', 'Santos', 'Chen', 'Andersen', 'Shevchenko', 'Alvarez', 'Osei', 'Byrne', 'Yilmaz', 'Kaur', 'Lindqvist',
];
const COMMENT_KINDS = Object.keys(COMMENT_OPENINGS) as CommentKind[];
const AUTHOR_REPLY = COMMENT_KINDS.length;
const FOLLOW_UP = AUTHOR_REPLY + 1;
const REACTION_WEIGHTS = [0.6, 0.2, 0.12, 0.08];
const CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
const LENGTHS = [8, 12, 12, 12, 16, 24, 26];
const DECLINE_REASONS = ['no_capacity', 'not_a_fit', 'prefer_to_grow', 'other'] as const;
const DECLINE_WEIGHTS = [0.35, 0.3, 0.2, 0.15];
const START_PREFERENCES = ['ask', 'grow', 'either'] as const;
const THREAD = { title: 'Ask me anything about growing into a staff role', topic: 'growing into a staff role', tags: ['career-growth', 'leadership'] as TagSlug[] };

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const urlPart = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const filled = new Map<string, Map<string, string>>();
/** A template with the topic in it; the few thousand combinations are made once. */
function fill(template: string, topic: string) {
  let byTopic = filled.get(template);
  if (!byTopic) filled.set(template, (byTopic = new Map()));
  let result = byTopic.get(topic);
  if (result === undefined) byTopic.set(topic, (result = template.replaceAll('{Topic}', capitalise(topic)).replaceAll('{topic}', topic).replaceAll('{slug}', urlPart(topic))));
  return result;
}

/** Draws `count` distinct items of a list, in the order drawn. */
function distinct<T>(items: readonly T[], count: number, random: Random): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(items, random));
  return [...chosen];
}

// ---- The plan ------------------------------------------------------------------------------------

export type LargePlan = ReturnType<typeof planLargeDataset>;

/** Every row of the data set as numbers: people are numbered mentors first, then members. */
export function planLargeDataset(seed: number, size: LargeSize, until: Date) {
  const T1 = until.getTime();
  const T0 = T1 - SPAN;
  const origin = T0 - 60 * DAY;
  const stream = (k: number) => seededRandom(fmix32((seed ^ Math.imul(k, 0x9e3779b1)) >>> 0));
  const mentors = size.mentors;
  const users = mentors + size.members;
  const mentor = 0;
  const reader = mentors;
  const writer = mentors + 1;

  // Joining: each group numbered in the order it joined, the fixtures a month before the window.
  // The community grows, so more join later; mentors join earlier on the whole.
  const j = stream(1);
  const joined = new Float64Array(users);
  const joinTimes = (n: number, span: number) => new Float64Array(n).map(() => T0 + span * Math.sqrt(j())).sort();
  joined.set(joinTimes(mentors - 1, 0.8 * SPAN), 1);
  joined.set(joinTimes(size.members - 2, SPAN), mentors + 2);
  joined[mentor] = joined[reader] = joined[writer] = T0 - 30 * DAY;

  /** A moment after `since` (on average `mean` later, sooner near the end), never after `until`. */
  const after = (since: number, mean: number, random: Random) => {
    const room = T1 - since;
    const delay = MINUTE + exponential(random, mean);
    return since + (delay < room ? delay : room * random());
  };

  // The active ones come first: the earliest to join post, comment and get followed the most.
  const samplers = (random: Random) => {
    const mentorRank = skewedSampler(mentors, 0.7, 20, random);
    const memberRank = skewedSampler(size.members - 2, 0.5, 200, random);
    const member = () => mentors + 2 + memberRank();
    /** Someone who had joined by `at`: a mentor with probability `mentorShare`, never the reader or the writer. */
    const person = (at: number, mentorShare: number) => {
      for (let tries = 0; tries < 40; tries++) {
        const p = random() < mentorShare ? mentorRank() : member();
        if (joined[p]! <= at) return p;
      }
      return joined[mentors + 2]! <= at ? mentors + 2 : mentor;
    };
    return { mentorRank, member, person };
  };

  // Mentor profiles: where they are, what they do, how they like to start.
  const p = stream(2);
  const placeWeights = normalised(PLACES.map((x) => x.weight));
  const trackWeights = normalised(TRACKS.map((x) => x.weight));
  const profiles = Array.from({ length: mentors }, (_, i) => {
    const place = PLACES[weighted(placeWeights, p)]!;
    const track = TRACKS[weighted(trackWeights, p)]!;
    const [title, minYears] = pick(track.titles, p);
    const tags: TagSlug[] = distinct(track.tags, 2 + Math.floor(p() * 4), p);
    if (p() < 0.35) tags.push(...distinct(GENERAL_TAGS, 1, p).filter((t) => !tags.includes(t)));
    const retired = i % 53 === 52;
    return {
      place,
      track,
      title,
      years: Math.min(45, minYears + Math.floor(p() * 16)),
      company: pick(COMPANIES, p),
      tags,
      languages: [...new Set(['en', place.language, ...(p() < 0.25 ? [pick(EXTRA_LANGUAGES, p)] : [])])],
      capacity: [1, 2, 3, 3, 3, 4, 5, 5, 6, 8, 10][Math.floor(p() * 11)]!,
      accepting: !retired && p() < 0.85,
      preference: START_PREFERENCES[weighted([0.3, 0.3, 0.4], p)]! as (typeof START_PREFERENCES)[number],
      retired,
      links: Math.floor(p() * 3),
      since: joined[i]! + 30 * DAY * p(),
    };
  });
  // The benchmark mentor: a full profile, open to requests by either path.
  Object.assign(profiles[mentor]!, {
    place: PLACES.find((x) => x.zone === 'Europe/London')!,
    track: TRACKS[0]!,
    title: 'Staff engineer',
    years: 12,
    tags: ['typescript', 'react', 'system-design', 'career-growth', 'leadership'],
    languages: ['en', 'fr'],
    capacity: LARGE_FIXTURES.mentor.capacity,
    accepting: true,
    preference: 'either',
    links: 2,
  });
  const memberBio = new Int16Array(users).fill(-1);
  for (let i = mentors + 2; i < users; i++) if (p() < 0.6) memberBio[i] = Math.floor(p() * MEMBER_ROLES.length * MEMBER_GOALS.length);

  // The reader's 200 followees: the benchmark mentor, three quarters mentors and the rest
  // members; each is given a published post before the other posts are drawn.
  const f = stream(3);
  const fs = samplers(f);
  const followees = new Set<number>([mentor]);
  const wantedMentors = Math.min(mentors - 1, Math.round(LARGE_FIXTURES.reader.follows * 0.75));
  while (followees.size < 1 + wantedMentors) followees.add(1 + Math.floor(f() * (mentors - 1)));
  while (followees.size < LARGE_FIXTURES.reader.follows) followees.add(fs.member());
  const readerFollows = [...followees];

  // Posts. Drawn in any order, then numbered oldest first, as the app would have inserted them.
  const q = stream(4);
  const qs = samplers(q);
  const postAuthor = new Int32Array(size.posts);
  const postAt = new Float64Array(size.posts);
  const postDraft = new Uint8Array(size.posts);
  let n = 0;
  const addPost = (author: number, at: number, draft = false) => {
    postAuthor[n] = author;
    postAt[n] = at;
    postDraft[n++] = draft ? 1 : 0;
  };
  addPost(mentor, T1 - 30 * DAY); // the long thread
  for (let i = 1; i < LARGE_FIXTURES.mentor.posts; i++) addPost(mentor, T1 - 2 * DAY - ((i - 1) * (SPAN - 40 * DAY)) / (LARGE_FIXTURES.mentor.posts - 1));
  for (const author of readerFollows) if (author !== mentor) addPost(author, joined[author]! + (T1 - joined[author]!) * (0.2 + 0.8 * q()));
  while (n < size.posts) {
    let author = q() < 0.55 ? qs.mentorRank() : qs.member();
    if (author === mentor) author = 1;
    addPost(author, joined[author]! + (T1 - joined[author]!) * q() ** 0.6, q() < 0.04);
  }
  const postOrder = chronological(postAt, origin);
  const postRank = new Uint32Array(size.posts);
  postOrder.forEach((k, rank) => (postRank[k] = rank));
  const posts = {
    author: Int32Array.from(postOrder, (k) => postAuthor[k]!),
    at: Float64Array.from(postOrder, (k) => postAt[k]!),
    draft: Uint8Array.from(postOrder, (k) => postDraft[k]!),
    tags: [] as TagSlug[][],
    topic: [] as string[],
    longThread: postRank[0]!,
  };
  for (let rank = 0; rank < size.posts; rank++) {
    const author = posts.author[rank]!;
    const tags: TagSlug[] = author < mentors ? distinct(profiles[author]!.tags, 1 + Math.floor(q() * 3), q) : [pick(TAGS, q)[0]];
    if (author >= mentors && q() < 0.3) tags.push(pick(GENERAL_TAGS, q));
    const thread = rank === posts.longThread;
    posts.tags.push(thread ? THREAD.tags : [...new Set(tags)].slice(0, 4));
    posts.topic.push(thread ? THREAD.topic : pick(AREAS[TAG_AREAS[tags[0]!]].topics, q));
  }

  // Comments: the long thread's 1,000, and the rest over the other published posts in proportion
  // to a weight — skewed, mentors' posts more, none squeezed into a post's last minutes.
  const c = stream(5);
  const cs = samplers(c);
  const weight = new Float64Array(size.posts);
  for (let rank = 0; rank < size.posts; rank++) {
    if (posts.draft[rank] || rank === posts.longThread) continue;
    const age = T1 - posts.at[rank]!;
    if (age > HOUR) weight[rank] = Math.exp(0.9 * standardNormal(c)) * (posts.author[rank]! < mentors ? 2 : 1) * Math.min(1, age / (3 * DAY));
  }
  const threadComments = LARGE_FIXTURES.longThread.comments;
  const perPost = apportion(weight, size.comments - threadComments, c);
  perPost[posts.longThread] = threadComments;
  const comments = {
    post: new Int32Array(size.comments),
    author: new Int32Array(size.comments),
    parent: new Int32Array(size.comments),
    repliesTo: new Int32Array(size.comments),
    depth: new Uint8Array(size.comments),
    kind: new Uint8Array(size.comments),
    at: new Float64Array(size.comments),
  };
  let g = 0;
  for (let rank = 0; rank < size.posts; rank++) {
    const count = perPost[rank]!;
    if (count === 0) continue;
    const published = posts.at[rank]!;
    const author = posts.author[rank]!;
    const thread = rank === posts.longThread;
    // Most comments come in the first days; a post near the end of the window gets them sooner.
    const times = new Float64Array(count).map(() => after(published, thread ? 5 * DAY : 1.5 * DAY, c)).sort();
    const first = g;
    for (let k = 0; k < count; k++, g++) {
      const at = times[k]!;
      comments.post[g] = rank;
      comments.at[g] = at;
      if (k > 0 && c() < REPLY_SHARE) {
        // A reply, more often to a recent comment.
        const parent = first + k - 1 - Math.floor(c() ** 2 * k);
        const parentAuthor = comments.author[parent]!;
        const byAuthor = parentAuthor !== author && c() < 0.35;
        comments.parent[g] = parent;
        comments.depth[g] = Math.min(MAX_DEPTH, comments.depth[parent]! + 1);
        comments.repliesTo[g] = parentAuthor;
        comments.author[g] = byAuthor ? author : cs.person(at, 0.25);
        comments.kind[g] = byAuthor ? AUTHOR_REPLY : FOLLOW_UP;
      } else {
        comments.parent[g] = -1;
        comments.depth[g] = 0;
        comments.repliesTo[g] = author;
        comments.author[g] = cs.person(at, 0.25);
        comments.kind[g] = Math.floor(c() * COMMENT_KINDS.length);
      }
    }
  }
  // Numbered oldest first, as inserted; a parent is always older than its replies.
  const commentOrder = chronological(comments.at, origin);
  const commentRank = new Uint32Array(size.comments);
  commentOrder.forEach((k, rank) => (commentRank[k] = rank));
  const threadFirst = comments.post.indexOf(posts.longThread);

  // Reactions: one per person, target and kind. The long thread's first, then posts (as popular
  // as their comments make them) and comments.
  const r = stream(6);
  const rs = samplers(r);
  const reactions = {
    user: new Int32Array(size.reactions),
    post: new Int32Array(size.reactions).fill(-1),
    comment: new Int32Array(size.reactions).fill(-1),
    kind: new Uint8Array(size.reactions),
    at: new Float64Array(size.reactions),
  };
  const fresh = numberSet(size.reactions);
  let m = 0;
  const react = (post: number, comment: number, since: number) => {
    const at = after(since, DAY, r);
    const user = rs.person(at, 0.3);
    const kind = weighted(REACTION_WEIGHTS, r);
    const key = ((comment >= 0 ? size.posts + comment : post) * users + user) * 4 + kind;
    if (!fresh(key)) return;
    reactions.user[m] = user;
    reactions.post[m] = post;
    reactions.comment[m] = comment;
    reactions.kind[m] = kind;
    reactions.at[m++] = at;
  };
  const threadReactions = Math.min(LARGE_FIXTURES.longThread.reactions, Math.round(0.3 * size.reactions));
  while (m < Math.round(threadReactions * 0.4)) react(posts.longThread, -1, posts.at[posts.longThread]!);
  while (m < threadReactions) {
    const k = threadFirst + Math.floor(r() * threadComments);
    react(-1, k, comments.at[k]!);
  }
  const cumulative = new Float64Array(size.posts);
  for (let rank = 0, total = 0; rank < size.posts; rank++) cumulative[rank] = total += weight[rank]!;
  const popularPost = cumulativeSampler(cumulative, r);
  while (m < size.reactions) {
    if (r() < 0.6) {
      const post = popularPost();
      react(post, -1, posts.at[post]!);
    } else {
      const k = Math.floor(r() * size.comments);
      react(-1, k, comments.at[k]!);
    }
  }
  const reactionOrder = chronological(reactions.at, origin);
  const postReactions = new Int32Array(size.posts);
  for (const post of reactions.post) if (post >= 0) postReactions[post]!++;

  // Follows: the reader's 200; 5% of everyone following the benchmark mentor; the rest mostly
  // towards popular mentors. Never oneself, one per pair, and no more for the reader.
  const w = stream(7);
  const ws = samplers(w);
  const follows = { follower: new Int32Array(size.follows), followee: new Int32Array(size.follows), at: new Float64Array(size.follows) };
  const newPair = numberSet(size.follows);
  let e = 0;
  const follow = (a: number, b: number) => {
    if (a === b || !newPair(a * users + b)) return;
    const since = Math.max(joined[a]!, joined[b]!);
    follows.follower[e] = a;
    follows.followee[e] = b;
    follows.at[e++] = since + (T1 - since) * w();
  };
  for (const b of readerFollows) follow(reader, b);
  const mentorFollowers = Math.min(users - 3, Math.round(users * LARGE_FIXTURES.mentor.followerShare));
  while (e < readerFollows.length + mentorFollowers) {
    const a = Math.floor(w() * users);
    if (a !== reader) follow(a, mentor);
  }
  while (e < size.follows) {
    const a = w() < 0.15 ? Math.floor(w() * mentors) : mentors + 1 + Math.floor(w() * (size.members - 1));
    if (a === reader) continue;
    follow(a, w() < 0.65 ? ws.mentorRank() : ws.member());
  }
  const followOrder = chronological(follows.at, origin);
  const followerCount = new Int32Array(users);
  for (const b of follows.followee) followerCount[b]!++;

  // Requests, from members to mentors who are not retired; `mentorships` of them accepted.
  const h = stream(8);
  const hs = samplers(h);
  const open = profiles.flatMap((x, i) => (x.retired ? [] : [i]));
  const requestMentor = skewedSampler(open.length, 0.8, 30, h);
  const R = size.requests;
  const requests = {
    mentee: new Int32Array(R),
    mentor: new Int32Array(R),
    at: new Float64Array(R),
    answered: new Float64Array(R),
    status: new Uint8Array(R), // 0 pending, 1 accepted, 2 declined, 3 withdrawn, 4 expired
    reason: new Int8Array(R).fill(-1),
    warm: new Uint8Array(R),
    goals: new Uint8Array(R),
    goalBase: new Uint8Array(R),
    cadence: new Uint8Array(R),
    length: new Uint8Array(R),
  };
  for (let k = 0; k < R; k++) {
    const mentee = hs.member();
    const to = open[requestMentor()]!;
    const since = Math.max(T0, joined[mentee]!, joined[to]!);
    requests.mentee[k] = mentee;
    requests.mentor[k] = to;
    requests.at[k] = since + (T1 - HOUR - since) * Math.sqrt(h());
    requests.warm[k] = h() < 0.3 ? 1 : 0;
    requests.goals[k] = 1 + Math.floor(h() * 3);
    requests.goalBase[k] = Math.floor(h() * REQUEST_GOALS.length);
    requests.cadence[k] = weighted([0.4, 0.4, 0.2], h);
    requests.length[k] = pick(LENGTHS, h);
  }
  // Which are accepted: `mentorships` of them, at random.
  const accepted = new Uint8Array(R);
  for (let left = size.mentorships; left > 0; ) {
    const k = Math.floor(h() * R);
    if (accepted[k]) continue;
    accepted[k] = 1;
    left--;
  }
  const pendingPairs = new Set<number>();
  for (let k = 0; k < R; k++) {
    const created = requests.at[k]!;
    const room = T1 - created;
    let status: number;
    let delay: number;
    if (accepted[k]) {
      status = 1;
      // Most accepted requests are answered within a day.
      delay = Math.min(13.5 * DAY, HOUR * Math.exp(Math.log(16) + 1.1 * standardNormal(h)));
    } else if (room < 14 * DAY && h() < 0.6 && !pendingPairs.has(requests.mentee[k]! * users + requests.mentor[k]!)) {
      pendingPairs.add(requests.mentee[k]! * users + requests.mentor[k]!);
      status = 0;
      delay = NaN;
    } else {
      status = room < 14 * DAY ? 2 + weighted([0.75, 0.25], h) : 2 + weighted([0.45, 0.15, 0.4], h);
      delay = status === 2 ? Math.min(13.9 * DAY, HOUR * Math.exp(Math.log(30) + 1.2 * standardNormal(h))) : status === 3 ? 13.9 * DAY * h() : 14 * DAY;
    }
    if (status !== 4 && created + delay > T1) delay = room * h();
    requests.status[k] = status;
    requests.answered[k] = created + delay;
    if (status === 2) requests.reason[k] = weighted(DECLINE_WEIGHTS, h);
  }
  const requestOrder = chronological(requests.at, origin);
  const requestRank = new Uint32Array(R);
  requestOrder.forEach((k, rank) => (requestRank[k] = rank));

  // Mentorships, one per accepted request, oldest first. Still running at `until` only while the
  // mentor has room (the benchmark mentor keeps half of theirs free) and the pair has no other.
  const s = stream(9);
  const acceptedOrder = Array.from(requestOrder).filter((k) => requests.status[k] === 1);
  acceptedOrder.sort((x, y) => requests.answered[x]! - requests.answered[y]! || x - y);
  const M = acceptedOrder.length;
  const mentorships = {
    request: Int32Array.from(acceptedOrder),
    start: new Float64Array(M),
    end: new Float64Array(M),
    status: new Uint8Array(M), // 0 active, 1 completed, 2 ended early
    reason: new Int8Array(M),
    endedByMentor: new Uint8Array(M),
    firstContact: new Float64Array(M),
    goalStart: new Uint32Array(M + 1),
  };
  const mentorshipOf = new Int32Array(R).fill(-1);
  const active = new Uint8Array(mentors);
  const activePairs = new Set<number>();
  for (let k = 0; k < M; k++) {
    const q = acceptedOrder[k]!;
    mentorshipOf[q] = k;
    const start = requests.answered[q]!;
    const weeks = requests.length[q]!;
    const to = requests.mentor[q]!;
    let early = s() < 0.3;
    let end = early ? start + WEEK * (1 + (weeks - 1) * s() ** 1.5) : start + WEEK * (weeks - 1 + 3 * s());
    if (end > T1) {
      const pair = requests.mentee[q]! * users + to;
      const limit = to === mentor ? LARGE_FIXTURES.mentor.capacity / 2 : profiles[to]!.capacity;
      if (active[to]! < limit && !activePairs.has(pair)) {
        active[to]!++;
        activePairs.add(pair);
        end = NaN;
      } else {
        // A mentor at capacity could not have kept this one going as well: it ended before now.
        early = true;
        end = start + (T1 - start) * s();
      }
    }
    mentorships.start[k] = start;
    mentorships.end[k] = end;
    mentorships.status[k] = Number.isNaN(end) ? 0 : early ? 2 : 1;
    mentorships.reason[k] = mentorships.status[k] === 2 ? Math.floor(s() * EARLY_END_REASONS.length) : s() < 0.9 ? -1 : -2;
    mentorships.endedByMentor[k] = s() < 0.5 ? 1 : 0;
    mentorships.firstContact[k] = requests.warm[q] ? requests.at[q]! - DAY * (3 + 120 * s() ** 2) : requests.at[q]!;
  }

  // Goals (the request's, as accepting copies them), some done; ratings when it ended.
  const goals = { doneAt: [] as number[], doneByMentor: [] as number[] };
  const ratings = { mentorship: [] as number[], byMentor: [] as number[], value: [] as number[], at: [] as number[] };
  for (let k = 0; k < M; k++) {
    mentorships.goalStart[k] = goals.doneAt.length;
    const q = mentorships.request[k]!;
    const status = mentorships.status[k]!;
    const start = mentorships.start[k]!;
    const stop = status === 0 ? T1 : mentorships.end[k]!;
    const share = status === 0 ? 0.4 * Math.min(1, (T1 - start) / (requests.length[q]! * WEEK)) : status === 1 ? 0.8 : 0.3;
    for (let i = 0; i < requests.goals[q]!; i++) {
      goals.doneAt.push(s() < share ? start + (stop - start) * (0.2 + 0.8 * s()) : NaN);
      goals.doneByMentor.push(s() < 0.3 ? 1 : 0);
    }
    if (status === 0) continue;
    const mean = status === 1 ? 4.4 : 3.2;
    const rate = (byMentor: number, at: number) => {
      if (at > T1) return;
      ratings.mentorship.push(k);
      ratings.byMentor.push(byMentor);
      ratings.value.push(Math.max(1, Math.min(5, Math.round(mean + 0.8 * standardNormal(s)))));
      ratings.at.push(at);
    };
    if (s() < 0.7) rate(mentorships.endedByMentor[k]!, stop + HOUR * s());
    if (s() < 0.5) rate(1 - mentorships.endedByMentor[k]!, stop + 3 * DAY * s());
  }
  mentorships.goalStart[M] = goals.doneAt.length;

  // Messages: about as many per week as the mentorship ran, with spread between pairs.
  const t = stream(10);
  const running = new Float64Array(M);
  for (let k = 0; k < M; k++) running[k] = (((Number.isNaN(mentorships.end[k]!) ? T1 : mentorships.end[k]!) - mentorships.start[k]!) / WEEK) * (0.2 + 1.6 * t()) + 0.01;
  const perMentorship = apportion(running, size.messages, t);
  const messages = { mentorship: new Int32Array(size.messages), byMentor: new Uint8Array(size.messages), at: new Float64Array(size.messages) };
  for (let k = 0, i = 0; k < M; k++) {
    const start = mentorships.start[k]!;
    const stop = Number.isNaN(mentorships.end[k]!) ? T1 : mentorships.end[k]!;
    for (let x = 0; x < perMentorship[k]!; x++, i++) {
      messages.mentorship[i] = k;
      messages.byMentor[i] = t() < 0.45 ? 1 : 0;
      messages.at[i] = start + (stop - start) * t();
    }
  }
  const messageOrder = chronological(messages.at, origin);

  // The event log of the Ask path and of the mentorships, oldest first.
  const E = { at: [] as number[], kind: [] as number[], ref: [] as number[] };
  const log = (at: number, kind: number, ref: number) => (E.at.push(at), E.kind.push(kind), E.ref.push(ref));
  for (let k = 0; k < R; k++) {
    log(requests.at[k]!, EVENT.RequestSent, k);
    if (requests.status[k] !== 0) log(requests.answered[k]!, EVENT.RequestAnswered, k);
  }
  for (let k = 0; k < M; k++) {
    log(mentorships.start[k]!, EVENT.Started, k);
    if (mentorships.status[k] !== 0) log(mentorships.end[k]!, EVENT.Ended, k);
  }
  ratings.at.forEach((at, i) => log(at, EVENT.Rated, i));
  goals.doneAt.forEach((at, i) => !Number.isNaN(at) && log(at, EVENT.GoalDone, i));
  for (let rank = 0; rank < size.messages; rank++) log(messages.at[messageOrder[rank]!]!, EVENT.Message, rank);
  const eventOrder = chronological(Float64Array.from(E.at), origin);

  return {
    seed,
    size,
    T0,
    T1,
    users,
    joined,
    profiles,
    memberBio,
    readerFollows,
    posts,
    comments: { ...comments, order: commentOrder, rank: commentRank },
    reactions: { ...reactions, order: reactionOrder },
    follows: { ...follows, order: followOrder, count: followerCount },
    counts: { comments: perPost, reactions: postReactions, active, messages: perMentorship },
    requests: { ...requests, order: requestOrder, rank: requestRank, mentorshipOf },
    mentorships,
    goals,
    ratings,
    messages: { ...messages, order: messageOrder },
    events: { ...E, order: eventOrder },
  };
}

const EVENT = { RequestSent: 0, RequestAnswered: 1, Started: 2, Ended: 3, Rated: 4, GoalDone: 5, Message: 6 } as const;

function normalised(weights: number[]) {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((x) => x / total);
}

// ---- Text ----------------------------------------------------------------------------------------

type Part = { escaped: string; words: number };
const parts = new Map<string, Part>();
/** A piece of a post's markdown in COPY's format, and its words; pieces repeat, so each is made once. */
function part(markdown: string): Part {
  let found = parts.get(markdown);
  if (!found) parts.set(markdown, (found = { escaped: text(markdown), words: markdown.split(/\s+/).filter(Boolean).length }));
  return found;
}

const leads = new Map<string, { lead: Part; excerpt: Escaped }[]>();
/**
 * A post's opening paragraph, plain text, and the excerpt the app stores for the post
 * (markdownToPlainText(body, 200)): the lead has more than 200 characters, so it alone gives the
 * same excerpt. Its second sentence goes with the first and the topic, so there are only a few
 * hundred leads, each parsed once.
 */
function leadOf(opener: number, topic: string) {
  let byOpener = leads.get(topic);
  if (!byOpener) leads.set(topic, (byOpener = []));
  if (!byOpener[opener]) {
    const lead = `${fill(LEAD_OPENERS[opener]!, topic)} ${fill(LEAD_FOLLOWERS[(opener + topic.length) % LEAD_FOLLOWERS.length]!, topic)} This is how I see it today.`;
    byOpener[opener] = { lead: part(lead), excerpt: { escaped: text(markdownToPlainText(lead, 200)) } };
  }
  return byOpener[opener];
}

const slugBases = new Map<string, string>();

/**
 * A post in markdown — a plain lead, a few paragraphs, now and then a heading, list or code — with
 * its body already in COPY's format, put together from escaped parts (not the long body escaped
 * again for every post).
 */
function postText(random: Random, topic: string, tag: TagSlug) {
  const area = AREAS[TAG_AREAS[tag]];
  const title = fill(pick(TITLES, random), topic);
  let slugBase = slugBases.get(title);
  if (slugBase === undefined) slugBases.set(title, (slugBase = slugify(title)));
  const { lead, excerpt } = leadOf(Math.floor(random() * LEAD_OPENERS.length), topic);
  const blocks = [lead];
  const own: readonly string[] = area.paragraphs;
  const paragraphs = 2 + Math.floor(random() * 4);
  for (let k = 0; k < paragraphs; k++) {
    if (k === 1 && random() < 0.5) blocks.push(part(`## ${pick(HEADINGS, random)}`));
    blocks.push(part(fill(k % 2 === 1 && own.length ? pick(own, random) : pick(PARAGRAPHS, random), topic)));
    if (k === 0 && random() < 0.35) {
      const items = distinct(area.list, 3 + Math.floor(random() * 3), random).map((item) => part(`- ${item}`));
      blocks.push(part(pick(LIST_INTROS, random)), { escaped: items.map((i) => i.escaped).join('\\n'), words: items.reduce((sum, i) => sum + i.words, 0) });
    }
    if (k === 1 && area.code.length && random() < 0.3) {
      const language = pick(area.code, random);
      const code = part(pick(CODE[language], random));
      blocks.push({ escaped: '```' + language + '\\n' + code.escaped + '\\n```', words: code.words });
    }
  }
  if (random() < 0.7) blocks.push(part(pick(CLOSINGS, random)));
  const words = blocks.reduce((sum, b) => sum + b.words, 0);
  return { title, slugBase, body: { escaped: blocks.map((b) => b.escaped).join('\\n\\n') }, excerpt, readingMinutes: Math.max(1, Math.ceil(words / 230)) };
}

function commentText(random: Random, kind: number, topic: string) {
  if (kind === AUTHOR_REPLY) return pick(AUTHOR_REPLIES, random);
  if (kind === FOLLOW_UP) return random() < 0.25 ? `${pick(FOLLOW_UPS, random)} ${pick(COMMENT_SECONDS, random)}` : pick(FOLLOW_UPS, random);
  const opening = fill(pick(COMMENT_OPENINGS[COMMENT_KINDS[kind]!], random), topic);
  return random() < 0.5 ? opening : `${opening} ${pick(COMMENT_SECONDS, random)}`;
}

// ---- Rows ----------------------------------------------------------------------------------------

/** The tables in insertion order (parents before children; see the triggers above), as COPY lines. */
export function largeTables(plan: LargePlan, passwordHash: string): Table[] {
  const { seed, size, users, posts, comments: C, reactions: X, follows: F, requests: R, mentorships: M, goals, ratings, messages, events } = plan;
  const mentors = size.mentors;
  const userIds = idsOf(seed, 1);
  const userId = Array.from({ length: users }, (_, i) => userIds(i));
  const postIds = idsOf(seed, 2);
  const postId = Array.from({ length: size.posts }, (_, rank) => postIds(rank));
  const commentId = idsOf(seed, 3);
  const requestId = idsOf(seed, 4);
  const mentorshipId = idsOf(seed, 5);
  const goalId = idsOf(seed, 6);
  const messageId = idsOf(seed, 7);
  const names = (i: number) => {
    const random = rowRandom(seed, 1, i);
    return [pick(FIRST, random), pick(LAST, random)] as const;
  };
  const handle = (i: number) => {
    if (i === 0) return BENCH_MENTOR;
    if (i === mentors) return BENCH_READER;
    if (i === mentors + 1) return BENCH_WRITER;
    const [first, last] = names(i);
    return `${first}_${last}`.toLowerCase().slice(0, 23) + i;
  };
  const fixtureNames: Record<number, string> = { 0: 'Maya Bench', [mentors]: 'Riley Reader', [mentors + 1]: 'Wren Writer' };
  const displayName = (i: number) => fixtureNames[i] ?? names(i).join(' ');
  const requestGoals = (q: number) => Array.from({ length: R.goals[q]! }, (_, i) => REQUEST_GOALS[(R.goalBase[q]! + i) % REQUEST_GOALS.length]!);
  // A post's slug as the app makes one — words of the title and six base-36 characters — with a
  // suffix that is a bijection of the post's number, so no two collide.
  const suffixOffset = fmix32(seed) % 36 ** 6;
  const slug = (rank: number, base: string) => (rank === posts.longThread ? LONG_THREAD_SLUG : `${base}-${((rank * 1_220_703_125 + suffixOffset) % 36 ** 6).toString(36).padStart(6, '0')}`);

  return [
    {
      table: 'tags',
      columns: ['slug', 'name'],
      rows: TAGS.length,
      *lines() {
        for (const [slug, name] of TAGS) yield line([slug, name]);
      },
    },
    {
      table: 'users',
      columns: ['id', 'handle', 'email', 'display_name', 'bio', 'password_hash', 'follower_count', 'created_at', 'updated_at'],
      rows: users,
      *lines() {
        for (let i = 0; i < users; i++) {
          const h = handle(i);
          let bio = '';
          if (i < mentors) {
            const p = plan.profiles[i]!;
            bio = `${p.title}${SOLO_TITLES.has(p.title) ? '' : ` at ${p.company}`} in ${p.place.cities[i % p.place.cities.length]}.`;
          } else if (plan.memberBio[i]! >= 0) {
            const b = plan.memberBio[i]!;
            bio = `${MEMBER_ROLES[b % MEMBER_ROLES.length]}. ${MEMBER_GOALS[Math.floor(b / MEMBER_ROLES.length)]}`;
          }
          const at = iso(plan.joined[i]!);
          yield line([userId[i]!, h, `${h}@${FIXTURE_DOMAIN}`, displayName(i), bio, passwordHash, F.count[i]!, at, at]);
        }
      },
    },
    {
      table: 'mentor_profiles',
      columns: ['user_id', 'headline', 'bio', 'years_experience', 'languages', 'timezone', 'country', 'links', 'tags', 'capacity', 'active_mentee_count', 'accepting', 'start_preference', 'start_note', 'status', 'created_at', 'updated_at'],
      rows: mentors,
      *lines() {
        for (let i = 0; i < mentors; i++) {
          const p = plan.profiles[i]!;
          const random = rowRandom(seed, 2, i);
          const focus = pick(p.track.focus, random);
          const help = distinct(p.track.help, 3, random);
          const bio = [
            `I'm a ${p.title.toLowerCase()} with ${p.years} years in ${p.track.area}, these days mostly ${focus}. ${pick(p.track.story, random)}`,
            `I can help with:\n\n${help.map((x) => `- ${x}`).join('\n')}`,
            pick(MENTOR_CLOSINGS, random),
          ].join('\n\n');
          const links = Array.from({ length: p.links }, (_, k) => (k === 0 ? `https://example.com/${handle(i)}` : `https://github.com/${handle(i)}`));
          const at = iso(p.since);
          yield line([
            userId[i]!,
            `${p.title}${SOLO_TITLES.has(p.title) ? '' : ` at ${p.company}`} · ${focus}`,
            bio,
            p.years,
            textArray(p.languages),
            p.place.zone,
            p.place.country,
            textArray(links),
            textArray(p.tags),
            p.capacity,
            plan.counts.active[i]!,
            p.accepting ? 't' : 'f',
            p.preference,
            pick(START_NOTES[p.preference], random),
            p.retired ? 'retired' : 'active',
            at,
            at,
          ]);
        }
      },
    },
    {
      table: 'follows',
      columns: ['follower_id', 'followee_id', 'created_at'],
      rows: size.follows,
      triggersOff: ['follows_count_insert'],
      *lines() {
        for (const e of F.order) yield `${userId[F.follower[e]!]}\t${userId[F.followee[e]!]}\t${iso(F.at[e]!)}`;
      },
    },
    {
      table: 'posts',
      columns: ['id', 'author_id', 'title', 'slug', 'body', 'excerpt', 'tags', 'status', 'reading_minutes', 'published_at', 'comment_count', 'reaction_count', 'created_at', 'updated_at'],
      rows: size.posts,
      *lines() {
        for (let rank = 0; rank < size.posts; rank++) {
          const random = rowRandom(seed, 3, rank);
          const tags = posts.tags[rank]!;
          const text = postText(random, posts.topic[rank]!, tags[0]!);
          if (rank === posts.longThread) text.title = THREAD.title;
          const at = posts.at[rank]!;
          const draft = posts.draft[rank] === 1;
          const created = iso(draft ? at : at - HOUR * 48 * random());
          const updated = iso(draft || random() > 0.1 ? at : Math.min(plan.T1, at + 10 * DAY * random()));
          yield line([
            postId[rank]!,
            userId[posts.author[rank]!]!,
            text.title,
            slug(rank, text.slugBase),
            text.body,
            text.excerpt,
            textArray(tags),
            draft ? 'draft' : 'published',
            text.readingMinutes,
            draft ? null : iso(at),
            plan.counts.comments[rank]!,
            plan.counts.reactions[rank]!,
            created,
            updated,
          ]);
        }
      },
    },
    {
      table: 'comments',
      columns: ['id', 'post_id', 'author_id', 'parent_id', 'replies_to_id', 'body', 'depth', 'created_at', 'edited_at'],
      rows: size.comments,
      triggersOff: ['posts_comment_count_insert'],
      *lines() {
        for (let rank = 0; rank < size.comments; rank++) {
          const g = C.order[rank]!;
          const random = rowRandom(seed, 4, rank);
          const post = C.post[g]!;
          const parent = C.parent[g]!;
          const edited = random() < 0.03 ? iso(Math.min(plan.T1, C.at[g]! + DAY * random())) : '\\N';
          const body = text(commentText(random, C.kind[g]!, posts.topic[post]!));
          // Made by hand, not with line(): a million rows, and only the body needs escaping.
          yield `${commentId(rank)}\t${postId[post]}\t${userId[C.author[g]!]}\t${parent < 0 ? '\\N' : commentId(C.rank[parent]!)}\t${userId[C.repliesTo[g]!]}\t${body}\t${C.depth[g]}\t${iso(C.at[g]!)}\t${edited}`;
        }
      },
    },
    {
      table: 'reactions',
      columns: ['user_id', 'post_id', 'comment_id', 'target_author_id', 'kind', 'created_at'],
      rows: size.reactions,
      triggersOff: ['posts_reaction_count_insert'],
      *lines() {
        for (const k of X.order) {
          const post = X.post[k]!;
          const comment = X.comment[k]!;
          const target = post >= 0 ? `${postId[post]}\t\\N\t${userId[posts.author[post]!]}` : `\\N\t${commentId(C.rank[comment]!)}\t${userId[C.author[comment]!]}`;
          yield `${userId[X.user[k]!]}\t${target}\t${REACTION_KINDS[X.kind[k]!]}\t${iso(X.at[k]!)}`;
        }
      },
    },
    {
      table: 'mentorship_requests',
      columns: ['id', 'mentee_id', 'mentor_id', 'message', 'goals', 'cadence', 'length_weeks', 'status', 'decline_reason', 'decline_note', 'warmth', 'created_at', 'expires_at', 'answered_at', 'mentorship_id'],
      rows: R.order.length,
      *lines() {
        for (let rank = 0; rank < R.order.length; rank++) {
          const q = R.order[rank]!;
          const random = rowRandom(seed, 5, rank);
          const status = R.status[q]!;
          const reason = R.reason[q]! >= 0 ? DECLINE_REASONS[R.reason[q]!]! : null;
          const k = R.mentorshipOf[q]!;
          yield line([
            requestId(rank),
            userId[R.mentee[q]!]!,
            userId[R.mentor[q]!]!,
            `${pick(REQUEST_OPENINGS, random)} ${pick(REQUEST_MIDDLES, random)} ${pick(REQUEST_CLOSINGS, random)}`,
            textArray(requestGoals(q)),
            CADENCES[R.cadence[q]!]!,
            R.length[q]!,
            (['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const)[status]!,
            reason,
            reason && random() < 0.4 ? pick(DECLINE_NOTES[reason], random) : null,
            R.warm[q] ? 'warm' : 'cold',
            iso(R.at[q]!),
            iso(R.at[q]! + 14 * DAY),
            status === 0 ? null : iso(R.answered[q]!),
            k >= 0 ? mentorshipId(k) : null,
          ]);
        }
      },
    },
    {
      table: 'mentorships',
      columns: ['id', 'mentor_id', 'mentee_id', 'origin', 'warmth', 'status', 'started_at', 'ended_at', 'end_reason', 'ended_by', 'request_id', 'cadence', 'length_weeks', 'first_contact_at', 'message_count', 'goal_count', 'goals_done_count'],
      rows: M.start.length,
      triggersOff: ['mentorships_count'],
      *lines() {
        for (let k = 0; k < M.start.length; k++) {
          const q = M.request[k]!;
          const status = M.status[k]!;
          yield line([
            mentorshipId(k),
            userId[R.mentor[q]!]!,
            userId[R.mentee[q]!]!,
            'ask',
            R.warm[q] ? 'warm' : 'cold',
            (['active', 'completed', 'ended'] as const)[status]!,
            iso(M.start[k]!),
            iso(M.end[k]!),
            endReason(status, M.reason[k]!),
            status === 0 ? null : userId[M.endedByMentor[k] ? R.mentor[q]! : R.mentee[q]!]!,
            requestId(R.rank[q]!),
            CADENCES[R.cadence[q]!]!,
            R.length[q]!,
            iso(Math.min(M.firstContact[k]!, M.start[k]!)),
            plan.counts.messages[k]!,
            M.goalStart[k + 1]! - M.goalStart[k]!,
            goals.doneAt.slice(M.goalStart[k]!, M.goalStart[k + 1]!).filter((at) => !Number.isNaN(at)).length,
          ]);
        }
      },
    },
    {
      table: 'mentorship_goals',
      columns: ['id', 'mentorship_id', 'title', 'position', 'done_at', 'done_by', 'created_at'],
      rows: goals.doneAt.length,
      triggersOff: ['mentorship_goals_count_insert'],
      *lines() {
        for (let k = 0; k < M.start.length; k++) {
          const q = M.request[k]!;
          const titles = requestGoals(q);
          for (let i = M.goalStart[k]!; i < M.goalStart[k + 1]!; i++) {
            const done = !Number.isNaN(goals.doneAt[i]!);
            const by = goals.doneByMentor[i] ? R.mentor[q]! : R.mentee[q]!;
            yield line([goalId(i), mentorshipId(k), titles[i - M.goalStart[k]!]!, i - M.goalStart[k]!, iso(goals.doneAt[i]!), done ? userId[by]! : null, iso(M.start[k]!)]);
          }
        }
      },
    },
    {
      table: 'mentorship_messages',
      columns: ['id', 'mentorship_id', 'author_id', 'body', 'created_at'],
      rows: size.messages,
      triggersOff: ['mentorship_messages_count_insert'],
      *lines() {
        for (let rank = 0; rank < size.messages; rank++) {
          const i = messages.order[rank]!;
          const k = messages.mentorship[i]!;
          const q = M.request[k]!;
          yield line([messageId(rank), mentorshipId(k), userId[messages.byMentor[i] ? R.mentor[q]! : R.mentee[q]!]!, messageText(rowRandom(seed, 6, rank)), iso(messages.at[i]!)]);
        }
      },
    },
    {
      table: 'mentorship_ratings',
      columns: ['mentorship_id', 'rater_id', 'rating', 'created_at'],
      rows: ratings.at.length,
      *lines() {
        for (let i = 0; i < ratings.at.length; i++) {
          const k = ratings.mentorship[i]!;
          const q = M.request[k]!;
          yield line([mentorshipId(k), userId[ratings.byMentor[i] ? R.mentor[q]! : R.mentee[q]!]!, ratings.value[i]!, iso(ratings.at[i]!)]);
        }
      },
    },
    {
      table: 'events',
      columns: ['type', 'actor_id', 'mentor_id', 'mentee_id', 'request_id', 'mentorship_id', 'data', 'created_at'],
      rows: events.order.length,
      *lines() {
        // As db/queries/requests.ts and mentorships.ts record them.
        const request = (q: number) => ({ mentor: userId[R.mentor[q]!]!, mentee: userId[R.mentee[q]!]!, id: requestId(R.rank[q]!) });
        const mentorship = (k: number) => {
          const ids = request(M.request[k]!);
          return [ids.mentor, ids.mentee, ids.id, mentorshipId(k)];
        };
        const row = (kind: number, i: number): (string | number | null)[] => {
          switch (kind) {
            case EVENT.RequestSent: {
              const r = request(i);
              const data = { warmth: R.warm[i] ? 'warm' : 'cold', goals: R.goals[i], cadence: CADENCES[R.cadence[i]!], lengthWeeks: R.length[i] };
              return ['request.sent', r.mentee, r.mentor, r.mentee, r.id, null, JSON.stringify(data)];
            }
            case EVENT.RequestAnswered: {
              const r = request(i);
              const waitedMs = Math.round(R.answered[i]! - R.at[i]!);
              switch (R.status[i]) {
                case 1:
                  return ['request.accepted', r.mentor, r.mentor, r.mentee, r.id, mentorshipId(R.mentorshipOf[i]!), JSON.stringify({ waitedMs })];
                case 2:
                  return ['request.declined', r.mentor, r.mentor, r.mentee, r.id, null, JSON.stringify({ reason: DECLINE_REASONS[R.reason[i]!], waitedMs })];
                case 3:
                  return ['request.withdrawn', r.mentee, r.mentor, r.mentee, r.id, null, '{}'];
                default:
                  return ['request.expired', null, r.mentor, r.mentee, r.id, null, '{}'];
              }
            }
            case EVENT.Started: {
              const ids = mentorship(i);
              return ['mentorship.started', ids[0]!, ...ids, JSON.stringify({ origin: 'ask', warmth: R.warm[M.request[i]!] ? 'warm' : 'cold' })];
            }
            case EVENT.Ended: {
              const ids = mentorship(i);
              const by = M.endedByMentor[i] ? 'mentor' : 'mentee';
              const data = { outcome: M.status[i] === 1 ? 'completed' : 'ended', reason: endReason(M.status[i]!, M.reason[i]!), by };
              return ['mentorship.ended', by === 'mentor' ? ids[0]! : ids[1]!, ...ids, JSON.stringify(data)];
            }
            case EVENT.Rated: {
              const ids = mentorship(ratings.mentorship[i]!);
              const by = ratings.byMentor[i] ? 'mentor' : 'mentee';
              return ['mentorship.rated', by === 'mentor' ? ids[0]! : ids[1]!, ...ids, JSON.stringify({ rating: ratings.value[i], by })];
            }
            case EVENT.GoalDone: {
              const k = goalMentorship[i]!;
              const ids = mentorship(k);
              return ['mentorship.goal_done', goals.doneByMentor[i] ? ids[0]! : ids[1]!, ...ids, JSON.stringify({ goalId: goalId(i) })];
            }
            default: {
              const m = messages.order[i]!;
              const ids = mentorship(messages.mentorship[m]!);
              const body = messageText(rowRandom(seed, 6, i));
              return ['mentorship.message', messages.byMentor[m] ? ids[0]! : ids[1]!, ...ids, JSON.stringify({ messageId: messageId(i), length: [...body].length })];
            }
          }
        };
        const goalMentorship = new Int32Array(goals.doneAt.length);
        for (let k = 0; k < M.start.length; k++) goalMentorship.fill(k, M.goalStart[k]!, M.goalStart[k + 1]!);
        for (const e of events.order) yield line([...row(events.kind[e]!, events.ref[e]!), iso(events.at[e]!)]);
      },
    },
  ];
}

function endReason(status: number, reason: number) {
  if (status === 0) return null;
  if (status === 2) return EARLY_END_REASONS[reason]!;
  return reason === -1 ? 'goals_met' : 'other';
}

function messageText(random: Random) {
  const first = pick(random() < 0.5 ? FOLLOW_UPS : AUTHOR_REPLIES, random);
  return random() < 0.4 ? `${first} ${pick(COMMENT_SECONDS, random)}` : first;
}

/** Each counter the rows carry, as a query for the rows whose counter differs from a recount. */
export const COUNTER_CHECKS = {
  'users.follower_count': `select u.id from users u left join (select followee_id, count(*)::int as n from follows group by 1) c on c.followee_id = u.id
    where u.follower_count <> coalesce(c.n, 0)`,
  'mentor_profiles.follower_count': `select p.user_id from mentor_profiles p join users u on u.id = p.user_id where p.follower_count <> u.follower_count`,
  'mentor_profiles.active_mentee_count': `select p.user_id from mentor_profiles p
    left join (select mentor_id, count(*)::int as n from mentorships where status = 'active' group by 1) c on c.mentor_id = p.user_id
    where p.active_mentee_count <> coalesce(c.n, 0)`,
  'posts.comment_count': `select p.id from posts p
    left join (select post_id, count(*)::int as n from comments where deleted_at is null and hidden_at is null group by 1) c on c.post_id = p.id
    where p.comment_count <> coalesce(c.n, 0)`,
  'posts.reaction_count': `select p.id from posts p left join (select post_id, count(*)::int as n from reactions where post_id is not null group by 1) c on c.post_id = p.id
    where p.reaction_count <> coalesce(c.n, 0)`,
  'mentorships.message_count': `select m.id from mentorships m left join (select mentorship_id, count(*)::int as n from mentorship_messages group by 1) c on c.mentorship_id = m.id
    where m.message_count <> coalesce(c.n, 0)`,
  'mentorships.goal_count': `select m.id from mentorships m
    left join (select mentorship_id, count(*)::int as n, (count(*) filter (where done_at is not null))::int as done from mentorship_goals group by 1) c on c.mentorship_id = m.id
    where m.goal_count <> coalesce(c.n, 0) or m.goals_done_count <> coalesce(c.done, 0)`,
} as const;

/** Recounts every counter the rows carry (their triggers were off for the COPY); throws on any difference. */
async function verifyCounters(sql: postgres.Sql) {
  const wrong: string[] = [];
  for (const [counter, query] of Object.entries(COUNTER_CHECKS)) {
    const [{ n } = { n: 0 }] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from (${query}) wrong`);
    if (n > 0) wrong.push(`${counter} on ${n} rows`);
  }
  if (wrong.length) throw new Error(`Counters differ from a recount: ${wrong.join(', ')}.`);
}

export type LargeMarker = DatasetMarker<'large'>;

const LARGE_DATASET: DatasetSpec<'large'> = {
  generator: 'large',
  version: LARGE_GENERATOR_VERSION,
  defaultUntil: DEFAULT_LARGE_UNTIL,
  kind: 'a large seed data set',
  urlVariable: 'DATABASE_URL (or BENCH_DATABASE_URL for npm run bench)',
  // No table is written after its own COPY: the counters' triggers are off (see the top).
  whileLoading: { writtenLater: [] },
  freeze: true,
  // About even work for the server in each (the posts' long rows, the comments' many); profiles
  // after the users their trigger reads.
  lanes: [
    ['users', 'mentor_profiles', 'posts', 'reactions', 'mentorship_messages', 'events'],
    ['tags', 'follows', 'comments', 'mentorship_requests', 'mentorships', 'mentorship_goals', 'mentorship_ratings'],
  ],
  verify: verifyCounters,
  async plan({ seed, scale, until, log }) {
    const size = sizeAt(scale);
    const n = (value: number) => value.toLocaleString('en-US');
    log(`Planning ${n(size.mentors + size.members)} members, ${n(size.posts)} posts, ${n(size.comments)} comments and ${n(size.reactions)} reactions (seed ${seed})…`);
    // One hash for every account: scrypt is slow on purpose, and salted, so this one column is
    // the only one that differs between two generations with the same seed.
    const [plan, passwordHash] = await Promise.all([planLargeDataset(seed, size, until), hashPassword(LARGE_FIXTURES.password)]);
    return largeTables(plan, passwordHash);
  },
};

/**
 * Makes sure the database at `url` holds the large data set for this seed and scale: reused when
 * its marker matches, otherwise made again — only in a database that is one of these data sets or
 * has no tables. Every generated account signs in with LARGE_FIXTURES.password.
 */
export const ensureLargeDataset = (url: string, options: EnsureOptions): Promise<{ marker: LargeMarker; reused: boolean }> => ensureDataset(url, LARGE_DATASET, options);
