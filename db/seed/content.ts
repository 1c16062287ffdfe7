// Posts, comment threads and reactions for the demo community, and the rapport that follows
// from them (lib/rapport.ts). Everything is planned as numbers first — who wrote what, who
// answered whom and when — and turned into text only while the rows are inserted, so the
// bodies of tens of thousands of posts are built while earlier batches are in flight.
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { REACTION_KINDS, type comments, type posts, type reactions } from '@/db/schema';
import { markdownToPlainText } from '@/lib/markdown';
import { HALF_LIFE_DAYS, isGrown, POINTS } from '@/lib/rapport';
import { randomInt, seededRandom, seededUuid, shuffleInPlace, zipfSampler } from './bulk';
import {
  AREAS,
  AUTHOR_REPLIES,
  CLOSINGS,
  CODE,
  COMMENT_OPENINGS,
  COMMENT_SECONDS,
  FOLLOW_UPS,
  HEADINGS,
  LEAD_FOLLOWERS,
  LEAD_OPENERS,
  LIST_INTROS,
  PARAGRAPHS,
  TAG_AREAS,
  TITLES,
  type Area,
  type AreaName,
  type CommentKind,
} from './content-words';
import { TAGS, type TagSlug } from './words';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const MINUTE_MS = 60 * 1000;

/** Published posts reach this far back; more of them are recent. */
export const POST_HISTORY_DAYS = 270;
/**
 * Beyond a few thousand posts, all posts (members' included) are capped at this many per
 * mentor, so a large community still seeds in well under a minute.
 */
const MAX_POSTS_PER_MENTOR = 2;
const MAX_COMMENTS_PER_POST = 12;
const MAX_DEPTH = 4;
/** Planned conversations under one post (a fan's comment counts a quarter, a short exchange half). */
const MAX_CONVOS_PER_POST = 3;

/** The people content is made for, numbered as in demo.ts: mentors first, then members. */
export type People = {
  seed: number;
  now: number;
  mentors: number;
  users: number;
  ids: readonly string[];
  joinedAt: Float64Array;
  /** Expertise tags by mentor number. */
  mentorTags: readonly (readonly string[])[];
  /** People who take no part in posts, comments or reactions. */
  bystanders: readonly number[];
};

export type FollowEdges = { follower: readonly number[]; followee: readonly number[]; at: readonly number[] };

/**
 * A relationship the history needs, between a mentor and someone else, written into threads
 * under the mentor's posts:
 * - `grown`: `exchanges` full back-and-forth conversations in different weeks, the last ending
 *   about `until`, so their rapport has grown by then;
 * - `warm`: `exchanges` (by default one or two) short exchanges before `until` (a warm request);
 * - `fan`: the other comments and reacts between `since` and `until`; the mentor never answers.
 */
export type Relationship = {
  mentor: number;
  other: number;
  kind: 'grown' | 'warm' | 'fan';
  since: number;
  until: number;
  exchanges?: number;
};

/** Neither of the two interacts with the other before `until` (a cold request). */
export type Quiet = { a: number; b: number; until: number };

type ConvoKind = 'full' | 'light' | 'fan';
type Convo = { other: number; at: number; kind: ConvoKind };

export type ContentPlan = {
  people: People;
  posts: {
    id: string[];
    author: number[];
    /** Milliseconds; NaN for drafts. */
    publishedAt: number[];
    createdAt: number[];
    tags: string[][];
    area: AreaName[];
    topic: string[];
  };
  comments: {
    id: string[];
    post: number[];
    author: number[];
    parent: number[];
    repliesTo: number[];
    depth: number[];
    at: number[];
    /** NaN when not deleted / not edited. */
    deletedAt: number[];
    editedAt: number[];
    kind: number[];
  };
  reactions: {
    user: number[];
    /** -1 when the reaction is on a comment. */
    post: number[];
    /** -1 when the reaction is on a post. */
    comment: number[];
    targetAuthor: number[];
    kind: number[];
    at: number[];
  };
  published: number;
};

// Comment kinds, as stored in the plan.
const COMMENT_KINDS: readonly CommentKind[] = ['question', 'thanks', 'disagree', 'experience'];
const AUTHOR_REPLY = 4;
const FOLLOW_UP = 5;

const weighted = <T>(items: readonly { weight: number; value: T }[]) => {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  return (random: () => number): T => {
    let x = random() * total;
    for (const item of items) {
      x -= item.weight;
      if (x < 0) return item.value;
    }
    return items[items.length - 1]!.value;
  };
};

const kindIndex = (kind: (typeof REACTION_KINDS)[number]) => REACTION_KINDS.indexOf(kind);
const postReactionKind = weighted([
  { weight: 55, value: kindIndex('like') },
  { weight: 25, value: kindIndex('insightful') },
  { weight: 12, value: kindIndex('thanks') },
  { weight: 8, value: kindIndex('celebrate') },
]);
const commentReactionKind = weighted([
  { weight: 50, value: kindIndex('like') },
  { weight: 25, value: kindIndex('insightful') },
  { weight: 20, value: kindIndex('thanks') },
  { weight: 5, value: kindIndex('celebrate') },
]);

/** Exponentially distributed delay with the given mean. */
const delay = (random: () => number, mean: number) => -Math.log(1 - random()) * mean;

function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/**
 * Plans every post, comment and reaction. `relationships` are written into the threads as
 * asked; `quiet` pairs never interact before their time; everything else is random, with
 * popular authors getting more comments and reactions.
 */
export function planContent(people: People, follows: FollowEdges, relationships: readonly Relationship[], quiet: readonly Quiet[]): ContentPlan {
  const { now, users, mentors, joinedAt } = people;
  const random = seededRandom(people.seed + 611_953);
  const idRandom = seededRandom(people.seed ^ 0xc0ffee);
  const out = new Uint8Array(users);
  for (const b of people.bystanders) out[b] = 1;

  // Who follows whom, by followee (CSR), and each person's follower count as popularity.
  const followerStart = new Int32Array(users + 1);
  for (const f of follows.followee) followerStart[f + 1]!++;
  for (let u = 0; u < users; u++) followerStart[u + 1]! += followerStart[u]!;
  const followerList = new Int32Array(follows.followee.length);
  {
    const next = followerStart.slice(0, users);
    for (let k = 0; k < follows.followee.length; k++) followerList[next[follows.followee[k]!]!++] = follows.follower[k]!;
  }
  const followers = (u: number) => followerStart[u + 1]! - followerStart[u]!;

  // Some people comment and react a lot, most rarely: a Zipf law over a shuffled order.
  const activeOrder = shuffleInPlace(
    Array.from({ length: users }, (_, k) => k),
    random,
  );
  const activity = zipfSampler(users, 0.7, random);

  // Directed pairs that must not interact before a time: actor * users + target → until.
  const blockedUntil = new Map<number, number>();
  const block = (actor: number, target: number, until: number) => {
    const key = actor * users + target;
    blockedUntil.set(key, Math.max(blockedUntil.get(key) ?? -Infinity, until));
  };
  for (const q of quiet) {
    block(q.a, q.b, q.until);
    block(q.b, q.a, q.until);
  }
  for (const r of relationships) if (r.kind === 'fan') block(r.mentor, r.other, Infinity);
  const blocked = (actor: number, target: number, at: number) => {
    const until = blockedUntil.get(actor * users + target);
    return until !== undefined && at < until;
  };

  /** Someone who reads `author`'s posts and could interact with `target` at `at`. */
  const reader = (author: number, target: number, at: number): number => {
    const count = followers(author);
    for (let attempt = 0; attempt < 8; attempt++) {
      const u = count > 0 && random() < 0.55 ? followerList[followerStart[author]! + Math.floor(random() * count)]! : activeOrder[activity()]!;
      if (u === target || out[u] || joinedAt[u]! > at || blocked(u, target, at)) continue;
      return u;
    }
    return -1;
  };

  // ---- Posts -------------------------------------------------------------------------------
  const plan: ContentPlan = {
    people,
    posts: { id: [], author: [], publishedAt: [], createdAt: [], tags: [], area: [], topic: [] },
    comments: { id: [], post: [], author: [], parent: [], repliesTo: [], depth: [], at: [], deletedAt: [], editedAt: [], kind: [] },
    reactions: { user: [], post: [], comment: [], targetAuthor: [], kind: [], at: [] },
    published: 0,
  };
  const P = plan.posts;

  // Skewed: many write little or nothing, a few write a lot. demo_mentor writes regularly.
  const mentorPosts = weighted([
    { weight: 30, value: [0, 0] },
    { weight: 35, value: [1, 2] },
    { weight: 20, value: [3, 5] },
    { weight: 10, value: [6, 10] },
    { weight: 5, value: [11, 20] },
  ]);
  const memberPosts = weighted([
    { weight: 78, value: [0, 0] },
    { weight: 15, value: [1, 2] },
    { weight: 5, value: [3, 4] },
    { weight: 2, value: [5, 8] },
  ]);
  const counts = new Int32Array(users);
  let total = 0;
  for (let u = 0; u < users; u++) {
    if (out[u]) continue;
    const [min, max] = u === 0 ? [9, 9] : u < mentors ? mentorPosts(random) : memberPosts(random);
    counts[u] = randomInt(random, min!, max!);
    total += counts[u]!;
  }
  const cap = Math.max(5000, MAX_POSTS_PER_MENTOR * mentors);
  if (total > cap) {
    const keep = cap / total;
    for (let u = 1; u < users; u++) {
      let kept = 0;
      for (let k = 0; k < counts[u]!; k++) if (random() < keep) kept++;
      counts[u] = kept;
    }
  }

  const allTags = TAGS.map(([slug]) => slug);
  const areaNames = Object.keys(AREAS) as AreaName[];
  const tagsByArea = new Map<AreaName, TagSlug[]>(areaNames.map((a) => [a, allTags.filter((t) => TAG_AREAS[t] === a)]));
  const tagsFor = (author: number): string[] => {
    const own = author < mentors ? people.mentorTags[author] ?? [] : [];
    const first = own.length > 0 && random() < 0.85 ? (random() < 0.5 ? own[0]! : pick(random, own)) : pick(random, allTags);
    const area = TAG_AREAS[first as TagSlug] ?? 'career';
    const tags = [first];
    const wanted = randomInt(random, 1, 4);
    for (let attempt = 0; tags.length < wanted && attempt < 8; attempt++) {
      const related = tagsByArea.get(area)!;
      const candidate = own.length > 0 && random() < 0.6 ? pick(random, own) : pick(random, related.length > 0 && random() < 0.7 ? related : allTags);
      if (!tags.includes(candidate)) tags.push(candidate);
    }
    return tags;
  };

  const addPost = (author: number, publishedAt: number, createdAt: number) => {
    const tags = tagsFor(author);
    const area = TAG_AREAS[tags[0] as TagSlug] ?? 'career';
    P.id.push(seededUuid(idRandom));
    P.author.push(author);
    P.publishedAt.push(publishedAt);
    P.createdAt.push(createdAt);
    P.tags.push(tags);
    P.area.push(area);
    P.topic.push(pick(random, AREAS[area].topics));
    return P.id.length - 1;
  };

  // The published posts of each author, oldest first, for placing planned conversations.
  const postsByAuthor = new Map<number, number[]>();
  const authorPosts = (author: number) => {
    let list = postsByAuthor.get(author);
    if (!list) postsByAuthor.set(author, (list = []));
    return list;
  };

  /**
   * A post of `author` someone could comment on at `at`: a recent one (any earlier one for a
   * fan reading back) that is not yet full of planned conversations, or else a new one.
   */
  const convoCount = new Map<number, number>();
  const postFor = (author: number, at: number, lookback: number, weight: number): number => {
    const list = authorPosts(author);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (P.publishedAt[list[mid]!]! <= at - HOUR_MS) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && P.publishedAt[list[k]!]! >= at - lookback; k--) {
      const n = convoCount.get(list[k]!) ?? 0;
      if (n + weight <= MAX_CONVOS_PER_POST) {
        convoCount.set(list[k]!, n + weight);
        return list[k]!;
      }
    }
    const earliest = joinedAt[author]! + HOUR_MS;
    const publishedAt = Math.max(earliest, at - 2 * HOUR_MS - random() * 4 * DAY_MS);
    const index = addPost(author, Math.min(publishedAt, at - MINUTE_MS), Math.max(joinedAt[author]!, publishedAt - delay(random, DAY_MS)));
    list.splice(lo, 0, index);
    convoCount.set(index, weight);
    // It is one of the posts the author was going to write anyway.
    if (counts[author]! > 0) counts[author]!--;
    return index;
  };

  // ---- Planned conversations ---------------------------------------------------------------
  const convos = new Map<number, Convo[]>();
  const addConvo = (post: number, convo: Convo) => {
    const list = convos.get(post);
    if (list) list.push(convo);
    else convos.set(post, [convo]);
  };
  // Planned in time order, so a post written for one conversation can host later ones too.
  const planned: { mentor: number; convo: Convo }[] = [];
  for (const r of relationships) {
    const since = Math.max(r.since, joinedAt[r.mentor]! + DAY_MS, joinedAt[r.other]! + DAY_MS);
    if (r.kind === 'fan') {
      for (let n = randomInt(random, 3, 6); n > 0; n--) planned.push({ mentor: r.mentor, convo: { other: r.other, at: since + random() * (r.until - since), kind: 'fan' } });
      continue;
    }
    // Conversations at least eight days apart, so each falls in a different week.
    const wanted = r.exchanges ?? (r.kind === 'grown' ? randomInt(random, 3, 4) : randomInt(random, 1, 2));
    let at = r.until - random() * Math.min(r.kind === 'grown' ? DAY_MS : 20 * DAY_MS, (r.until - since) / 2);
    for (let k = 0; k < wanted && at > since; k++) {
      planned.push({ mentor: r.mentor, convo: { other: r.other, at, kind: r.kind === 'grown' ? 'full' : 'light' } });
      // Spread over the window when it is short, but never closer than eight days.
      at -= Math.max(8 * DAY_MS, Math.min((8 + random() * 12) * DAY_MS, (at - since) / (wanted - k)));
    }
  }
  planned.sort((x, y) => x.convo.at - y.convo.at);
  for (const { mentor, convo } of planned) {
    // A fan reads back through everything; a conversation starts under a post of the last months.
    const post = convo.kind === 'fan' ? postFor(mentor, convo.at, Infinity, 0.25) : postFor(mentor, convo.at, 180 * DAY_MS, convo.kind === 'full' ? 1 : 0.5);
    addConvo(post, convo);
  }

  // The rest of everyone's posts, at random times; more of them recent.
  const historyStart = now - POST_HISTORY_DAYS * DAY_MS;
  for (let u = 0; u < users; u++) {
    const from = Math.max(joinedAt[u]! + 12 * HOUR_MS, historyStart);
    const span = now - 10 * MINUTE_MS - from;
    if (span <= HOUR_MS) continue;
    for (let k = 0; k < counts[u]!; k++) {
      const at = from + span * Math.sqrt(random());
      if (random() < 0.1) {
        // A draft: started some time ago, never published.
        addPost(u, NaN, at);
      } else {
        addPost(u, at, Math.max(joinedAt[u]!, at - delay(random, 2 * DAY_MS)));
      }
    }
  }

  // ---- Threads and reactions ---------------------------------------------------------------
  type Local = { author: number; parent: number; repliesTo: number; depth: number; at: number; kind: number; planned: boolean; deletedAt: number };
  type LocalReaction = { user: number; comment: number; kind: number; at: number };
  const C = plan.comments;
  const R = plan.reactions;
  const latest = now - MINUTE_MS;

  for (let post = 0; post < P.id.length; post++) {
    const published = P.publishedAt[post]!;
    if (Number.isNaN(published)) continue;
    plan.published++;
    const author = P.author[post]!;
    const local: Local[] = [];
    const commentReactions: LocalReaction[] = [];
    const postReactions: LocalReaction[] = [];
    const push = (c: Omit<Local, 'deletedAt'>) => local.push({ ...c, deletedAt: NaN }) - 1;

    for (const convo of convos.get(post) ?? []) {
      const { other } = convo;
      const top = push({ author: other, parent: -1, repliesTo: author, depth: 0, at: convo.at, kind: randomInt(random, 0, 3), planned: true });
      if (convo.kind === 'fan') {
        if (random() < 0.6) postReactions.push({ user: other, comment: -1, kind: postReactionKind(random), at: Math.max(published + MINUTE_MS, convo.at - random() * HOUR_MS) });
        continue;
      }
      postReactions.push({ user: other, comment: -1, kind: postReactionKind(random), at: Math.max(published + MINUTE_MS, convo.at - random() * 2 * HOUR_MS) });
      const answeredAt = convo.at + HOUR_MS + random() * 19 * HOUR_MS;
      if (answeredAt > latest) continue;
      const answer = push({ author, parent: top, repliesTo: other, depth: 1, at: answeredAt, kind: AUTHOR_REPLY, planned: true });
      commentReactions.push({ user: author, comment: top, kind: random() < 0.5 ? kindIndex('thanks') : kindIndex('like'), at: answeredAt });
      if (convo.kind !== 'full') continue;
      const followUpAt = answeredAt + HOUR_MS + random() * 19 * HOUR_MS;
      if (followUpAt > latest) continue;
      const followUp = push({ author: other, parent: answer, repliesTo: author, depth: 2, at: followUpAt, kind: FOLLOW_UP, planned: true });
      const lastAt = followUpAt + HOUR_MS + random() * 19 * HOUR_MS;
      if (random() < 0.3 && lastAt <= latest) {
        push({ author, parent: followUp, repliesTo: other, depth: 3, at: lastAt, kind: AUTHOR_REPLY, planned: true });
      }
    }

    // Popular authors get more discussion; a post from the last day or two has not had time.
    const age = now - published;
    const fresh = age < 2 * DAY_MS ? 0.5 : 1;
    const wanted = Math.min(MAX_COMMENTS_PER_POST, poisson(random, (0.2 + 0.5 * Math.log2(1 + followers(author))) * fresh));
    for (let k = 0; k < wanted && local.length < MAX_COMMENTS_PER_POST; k++) {
      if (local.length > 0 && random() < 0.45) {
        const parentIndex = Math.floor(local.length * Math.sqrt(random()));
        const parent = local[parentIndex]!;
        if (parent.depth >= MAX_DEPTH) continue;
        const at = parent.at + MINUTE_MS + delay(random, 0.7 * DAY_MS);
        if (at > latest) continue;
        const byAuthor = parent.author !== author && random() < 0.4 && !blocked(author, parent.author, at);
        const replier = byAuthor ? author : reader(author, parent.author, at);
        if (replier < 0) continue;
        push({
          author: replier,
          parent: parentIndex,
          repliesTo: parent.author,
          depth: parent.depth + 1,
          at,
          kind: replier === author ? AUTHOR_REPLY : FOLLOW_UP,
          planned: false,
        });
      } else {
        const at = published + MINUTE_MS + delay(random, 1.5 * DAY_MS);
        if (at > latest) continue;
        const commenter = reader(author, author, at);
        if (commenter < 0) continue;
        push({ author: commenter, parent: -1, repliesTo: author, depth: 0, at, kind: randomInt(random, 0, 3), planned: false });
      }
    }

    // Chronological, so a parent always comes (and is inserted) before its replies.
    const order = local.map((_, i) => i).sort((a, b) => local[a]!.at - local[b]!.at);
    const globalOf = new Int32Array(local.length);
    order.forEach((localIndex, k) => (globalOf[localIndex] = C.id.length + k));

    // A few comments that were answered are deleted later, leaving a placeholder.
    const lastReplyAt = new Float64Array(local.length).fill(NaN);
    for (const c of local) if (c.parent >= 0) lastReplyAt[c.parent] = Math.max(Number.isNaN(lastReplyAt[c.parent]!) ? 0 : lastReplyAt[c.parent]!, c.at);
    local.forEach((c, i) => {
      if (c.planned || Number.isNaN(lastReplyAt[i]!) || random() >= 0.05) return;
      const deletedAt = lastReplyAt[i]! + HOUR_MS + random() * 10 * DAY_MS;
      if (deletedAt <= latest) c.deletedAt = deletedAt;
    });

    for (const localIndex of order) {
      const c = local[localIndex]!;
      C.id.push(seededUuid(idRandom));
      C.post.push(post);
      C.author.push(c.author);
      C.parent.push(c.parent < 0 ? -1 : globalOf[c.parent]!);
      C.repliesTo.push(c.repliesTo);
      C.depth.push(c.depth);
      C.at.push(c.at);
      C.deletedAt.push(c.deletedAt);
      const editedAt = c.at + 2 * MINUTE_MS + random() * 2 * DAY_MS;
      C.editedAt.push(Number.isNaN(c.deletedAt) && random() < 0.06 && editedAt <= latest ? editedAt : NaN);
      C.kind.push(c.kind);
    }

    // Reactions: one per person, target and kind; planned ones first.
    const seen = new Set<number>();
    const react = (user: number, comment: number, kind: number, at: number) => {
      const key = (comment + 1) * users * 4 + user * 4 + kind;
      if (seen.has(key)) return;
      seen.add(key);
      R.user.push(user);
      R.post.push(comment < 0 ? post : -1);
      R.comment.push(comment < 0 ? -1 : globalOf[comment]!);
      R.targetAuthor.push(comment < 0 ? author : local[comment]!.author);
      R.kind.push(kind);
      R.at.push(at);
    };
    for (const r of postReactions) react(r.user, -1, r.kind, r.at);
    for (const r of commentReactions) react(r.user, r.comment, r.kind, r.at);
    const reactors = Math.min(40, poisson(random, (0.3 + 0.8 * Math.log2(1 + followers(author))) * fresh));
    for (let k = 0; k < reactors; k++) {
      const at = published + MINUTE_MS + delay(random, 1.2 * DAY_MS);
      if (at > latest) continue;
      const user = reader(author, author, at);
      if (user < 0) continue;
      react(user, -1, postReactionKind(random), at);
      if (random() < 0.15) react(user, -1, postReactionKind(random), at + random() * MINUTE_MS);
    }
    local.forEach((c, i) => {
      if (!Number.isNaN(c.deletedAt) || random() >= 0.25) return;
      for (let n = randomInt(random, 1, 3); n > 0; n--) {
        const at = c.at + MINUTE_MS + delay(random, 0.8 * DAY_MS);
        if (at > latest) continue;
        const byAuthor = c.author !== author && random() < 0.35 && !blocked(author, c.author, at);
        const user = byAuthor ? author : reader(author, c.author, at);
        if (user >= 0) react(user, i, commentReactionKind(random), at);
      }
    });
  }
  return plan;
}

// ---- Rows -----------------------------------------------------------------------------------

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const urlPart = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "What I learned from a year of A/B testing" → "what-i-learned-from-a-year-of-a-b-testing". */
export function slugify(title: string): string {
  const slug = urlPart(title.normalize('NFKD').replace(/\p{M}/gu, ''));
  if (slug.length <= 60) return slug || 'post';
  const cut = slug.slice(0, 60);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60);
}

const fill = (template: string, topic: string) =>
  template.replaceAll('{Topic}', capitalise(topic)).replaceAll('{topic}', topic).replaceAll('{slug}', urlPart(topic));

/** A seeded source per item, so an item's text does not depend on the ones before it. */
const itemRandom = (seed: number, salt: number, index: number) => seededRandom((Math.imul(seed + salt, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);

/** The post's markdown, as blocks: the lead paragraph first. */
function postBlocks(random: () => number, area: Area, topic: string): string[] {
  let lead = `${fill(pick(random, LEAD_OPENERS), topic)} ${fill(pick(random, LEAD_FOLLOWERS), topic)}`;
  // The lead alone is long enough for the excerpt (see excerptOf).
  if (lead.length < 210) lead += ' Here is how I think about it now.';
  const blocks = [lead];
  const paragraphs = shuffleInPlace([...PARAGRAPHS], random);
  const own = shuffleInPlace([...area.paragraphs], random);
  const prose = randomInt(random, 2, 7);
  const hasLink = (s: string) => s.includes('](https://');
  let linked = false;
  const withList = random() < 0.4;
  const withCode = area.code.length > 0 && random() < 0.55;
  const headings = random() < 0.5 ? shuffleInPlace([...HEADINGS], random) : [];
  for (let k = 0; k < prose; k++) {
    if (headings.length > 0 && k > 0 && k % 2 === 1) blocks.push(`## ${headings.pop()!}`);
    const paragraph = k % 2 === 0 && own.length > 0 ? own.pop()! : paragraphs.pop()!;
    linked ||= hasLink(paragraph);
    blocks.push(fill(paragraph, topic));
    if (k === 1 && withList) {
      const items = shuffleInPlace([...area.list], random).slice(0, randomInt(random, 3, 5));
      blocks.push(pick(random, LIST_INTROS), items.map((i) => `- ${i}`).join('\n'));
    }
    if (k === 2 && withCode) {
      const language = pick(random, area.code);
      blocks.push(`\`\`\`${language}\n${pick(random, CODE[language])}\n\`\`\``);
    }
  }
  if (!linked && random() < 0.6) blocks.push(`I collected a few more resources on ${topic} [here](https://example.com/reading/${urlPart(topic)}).`);
  if (random() < 0.7) blocks.push(pick(random, CLOSINGS));
  return blocks;
}

const excerpts = new Map<string, string>();
/**
 * markdownToPlainText(body, 200), computed from as few leading blocks as give more than 200
 * characters of text: the result is the same (the rest of the body cannot change the first 200
 * characters), and parsing a short lead that many posts share is far cheaper than every body.
 */
function excerptOf(blocks: string[]): string {
  for (let k = 1; ; k++) {
    const source = blocks.slice(0, k).join('\n\n');
    let excerpt = excerpts.get(source);
    if (excerpt === undefined) {
      excerpt = markdownToPlainText(source, 200);
      if (excerpts.size < 20_000) excerpts.set(source, excerpt);
    }
    // Truncation ends in "…", which the templates never do.
    if (excerpt.endsWith('…') || k >= blocks.length) return excerpt;
  }
}

export function* postRows(plan: ContentPlan): Generator<PgInsertValue<typeof posts>> {
  const { people } = plan;
  const P = plan.posts;
  const slugs = new Set<string>();
  for (let i = 0; i < P.id.length; i++) {
    const random = itemRandom(people.seed, 31, i);
    const topic = P.topic[i]!;
    const title = fill(pick(random, TITLES), topic);
    const blocks = postBlocks(random, AREAS[P.area[i]!], topic);
    const body = blocks.join('\n\n');
    const words = body.split(/\s+/).length;
    const base = slugify(title);
    let slug: string;
    do slug = `${base}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
    while (slugs.has(slug));
    slugs.add(slug);
    const published = P.publishedAt[i]!;
    const createdAt = new Date(P.createdAt[i]!);
    const draft = Number.isNaN(published);
    // Now and then a post is touched up after publishing.
    const updatedAt = draft
      ? new Date(Math.min(people.now, P.createdAt[i]! + random() * 3 * DAY_MS))
      : new Date(random() < 0.1 ? Math.min(people.now, published + random() * 10 * DAY_MS) : published);
    yield {
      id: P.id[i]!,
      authorId: people.ids[P.author[i]!]!,
      title,
      slug,
      body,
      excerpt: excerptOf(blocks),
      tags: P.tags[i]!,
      status: draft ? 'draft' : 'published',
      readingMinutes: Math.max(1, Math.ceil(words / 230)),
      publishedAt: draft ? null : new Date(published),
      createdAt,
      updatedAt,
    };
  }
}

function commentBody(random: () => number, kind: number, topic: string): string {
  if (kind === AUTHOR_REPLY) return random() < 0.25 ? `${pick(random, AUTHOR_REPLIES)} ${pick(random, COMMENT_SECONDS)}` : pick(random, AUTHOR_REPLIES);
  if (kind === FOLLOW_UP) return random() < 0.2 ? `${pick(random, FOLLOW_UPS)} ${pick(random, COMMENT_SECONDS)}` : pick(random, FOLLOW_UPS);
  const opening = fill(pick(random, COMMENT_OPENINGS[COMMENT_KINDS[kind]!]), topic);
  const sentences = randomInt(random, 1, 3);
  if (sentences === 1) return opening;
  const extra = shuffleInPlace([...COMMENT_SECONDS], random).slice(0, sentences - 1);
  return [opening, ...extra].join(' ');
}

export function* commentRows(plan: ContentPlan): Generator<PgInsertValue<typeof comments>> {
  const { people } = plan;
  const C = plan.comments;
  for (let i = 0; i < C.id.length; i++) {
    const deleted = !Number.isNaN(C.deletedAt[i]!);
    const edited = !Number.isNaN(C.editedAt[i]!);
    yield {
      id: C.id[i]!,
      postId: plan.posts.id[C.post[i]!]!,
      authorId: people.ids[C.author[i]!]!,
      parentId: C.parent[i]! < 0 ? null : C.id[C.parent[i]!]!,
      repliesToId: people.ids[C.repliesTo[i]!]!,
      body: deleted ? '' : commentBody(itemRandom(people.seed, 37, i), C.kind[i]!, plan.posts.topic[C.post[i]!]!),
      depth: C.depth[i]!,
      createdAt: new Date(C.at[i]!),
      editedAt: edited ? new Date(C.editedAt[i]!) : null,
      deletedAt: deleted ? new Date(C.deletedAt[i]!) : null,
    };
  }
}

export function* reactionRows(plan: ContentPlan): Generator<PgInsertValue<typeof reactions>> {
  const { people } = plan;
  const R = plan.reactions;
  for (let i = 0; i < R.user.length; i++) {
    yield {
      userId: people.ids[R.user[i]!]!,
      postId: R.post[i]! < 0 ? null : plan.posts.id[R.post[i]!]!,
      commentId: R.comment[i]! < 0 ? null : plan.comments.id[R.comment[i]!]!,
      targetAuthorId: people.ids[R.targetAuthor[i]!]!,
      kind: REACTION_KINDS[R.kind[i]!]!,
      createdAt: new Date(R.at[i]!),
    };
  }
}

// ---- Rapport --------------------------------------------------------------------------------

export type GrownPair = {
  /** The pair's people, lesser number first. */
  a: number;
  b: number;
  /** When their rapport first grew, and whose interaction made it grow. */
  at: number;
  actor: number;
  score: number;
  weeks: number;
  firstAt: number;
};

export type RapportHistory = {
  /** Every pair whose rapport grew at some point, in the order it happened. */
  grown: GrownPair[];
  /** Pairs grown as of `now`, as `a * users + b` (a < b). */
  grownNow: Set<number>;
};

// Monday-based weeks, as Postgres' date_trunc('week', …) in UTC.
const weekOf = (at: number) => Math.floor((at / DAY_MS + 3) / 7);

/**
 * Replays lib/rapport.ts over the planned history: for each pair, when their rapport first
 * grew (what noteInteraction would have logged), and whether it has grown as of `now`. Only
 * pairs with at least MIN_EXCHANGES_EACH exchanges each way can grow, which keeps this cheap.
 */
export function replayRapport(plan: ContentPlan, follows: FollowEdges): RapportHistory {
  const { users, now } = plan.people;
  const C = plan.comments;
  const R = plan.reactions;
  const counts = new Map<number, number>();
  const count = (actor: number, target: number) => {
    const key = actor * users + target;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (let i = 0; i < C.id.length; i++) {
    if (Number.isNaN(C.deletedAt[i]!) && C.author[i] !== C.repliesTo[i]) count(C.author[i]!, C.repliesTo[i]!);
  }
  for (let i = 0; i < R.user.length; i++) if (R.user[i] !== R.targetAuthor[i]) count(R.user[i]!, R.targetAuthor[i]!);

  type Step = { at: number; points: number; actor: number; exchange: boolean };
  const candidates = new Map<number, Step[]>();
  for (const [key, n] of counts) {
    const actor = Math.floor(key / users);
    const target = key - actor * users;
    if (actor < target && n >= 2 && (counts.get(target * users + actor) ?? 0) >= 2) candidates.set(key, []);
  }
  const add = (actor: number, target: number, step: Step) => {
    candidates.get(Math.min(actor, target) * users + Math.max(actor, target))?.push(step);
  };
  for (let i = 0; i < C.id.length; i++) {
    if (Number.isNaN(C.deletedAt[i]!) && C.author[i] !== C.repliesTo[i]) {
      add(C.author[i]!, C.repliesTo[i]!, { at: C.at[i]!, points: POINTS.comment, actor: C.author[i]!, exchange: true });
    }
  }
  for (let i = 0; i < R.user.length; i++) {
    if (R.user[i] !== R.targetAuthor[i]) add(R.user[i]!, R.targetAuthor[i]!, { at: R.at[i]!, points: POINTS.reaction, actor: R.user[i]!, exchange: true });
  }
  for (let k = 0; k < follows.follower.length; k++) {
    add(follows.follower[k]!, follows.followee[k]!, { at: follows.at[k]!, points: POINTS.follow, actor: follows.follower[k]!, exchange: false });
  }

  const halfLife = HALF_LIFE_DAYS * DAY_MS;
  const history: RapportHistory = { grown: [], grownNow: new Set() };
  for (const [key, steps] of candidates) {
    const a = Math.floor(key / users);
    const b = key - a * users;
    steps.sort((x, y) => x.at - y.at);
    let score = 0;
    let last = steps[0]!.at;
    let fromA = 0;
    let fromB = 0;
    const weeks = new Set<number>();
    let grew = false;
    for (const step of steps) {
      score = score * 0.5 ** ((step.at - last) / halfLife) + step.points;
      last = step.at;
      if (step.exchange) {
        if (step.actor === a) fromA++;
        else fromB++;
        weeks.add(weekOf(step.at));
      }
      if (!grew && isGrown({ score, fromMe: fromA, fromThem: fromB, weeks: weeks.size })) {
        grew = true;
        history.grown.push({ a, b, at: step.at, actor: step.actor, score, weeks: weeks.size, firstAt: steps[0]!.at });
      }
    }
    if (isGrown({ score: score * 0.5 ** ((now - last) / halfLife), fromMe: fromA, fromThem: fromB, weeks: weeks.size })) history.grownNow.add(key);
  }
  history.grown.sort((x, y) => x.at - y.at);
  return history;
}
