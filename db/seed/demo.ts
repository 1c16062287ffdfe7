import { sql } from 'drizzle-orm';
import { Faker, base, en, type LocaleDefinition } from '@faker-js/faker';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import {
  avatars,
  comments,
  events,
  follows,
  mentorProfiles,
  mentorshipGoals,
  mentorshipMessages,
  mentorshipOffers,
  mentorshipRatings,
  mentorshipRequests,
  mentorships,
  oauthAccounts,
  posts,
  reactions,
  tags,
  users,
} from '@/db/schema';
import type { StartPreference } from '@/db/schema';
import { hashPassword } from '@/lib/password';
import { handleSchema } from '@/lib/validation/account';
import { insertInBatches, progressReporter, randomInt, seededRandom, seededUuid, shuffleInPlace, zipfSampler } from './bulk';
import { commentRows, planContent, postRows, reactionRows, replayRapport } from './content';
import { eventLog, offerRows, planOffers, requestRows, settleFirstContacts, simulateHistory } from './history';
import { goalRows, messageRows, planThreads, ratingRows } from './threads';
import {
  COMPANIES,
  DEMO_MEMBERS,
  DEMO_MENTOR,
  EXTRA_LANGUAGES,
  GENERAL_TAGS,
  MEMBER_GOALS,
  MEMBER_ROLES,
  MENTOR_CLOSINGS,
  PLACES,
  SOLO_TITLES,
  START_NOTES,
  TAGS,
  TRACKS,
  type Place,
  type TagSlug,
  type Track,
} from './words';

export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_ACCOUNTS = [
  { role: 'mentor', handle: 'demo_mentor', email: 'mentor@example.com' },
  { role: 'mentee', handle: 'demo_mentee', email: 'mentee@example.com' },
  { role: 'member', handle: 'demo_member', email: 'member@example.com' },
] as const;

/** The embedded demo. Both counts include the demo accounts; `members` are the non-mentors. */
export const DEFAULT_SIZE = { mentors: 40, members: 120 } as const;
// demo_mentor is a mentor, demo_mentee and demo_member are members, so those are the minimums.
export const SIZE_LIMITS = { mentors: { min: 1, max: 200_000 }, members: { min: 2, max: 1_000_000 } } as const;

const DEFAULT_SEED = 2026;
const DAY_MS = 24 * 60 * 60 * 1000;

export type SeedOptions = {
  seed?: number;
  /** "Now" for the spread of dates; fix it to make the timestamps repeatable too. */
  now?: Date;
  mentors?: number;
  members?: number;
  onProgress?: (msg: string) => void;
  /** A cli-progress bar per phase on stderr, instead of one message per phase. */
  progressBar?: boolean;
};

export type SeedCounts = {
  users: number;
  mentors: number;
  tags: number;
  mentorships: number;
  follows: number;
  requests: number;
  offers: number;
  messages: number;
  goals: number;
  ratings: number;
  posts: number;
  comments: number;
  reactions: number;
  events: number;
  /** Pairs whose rapport has grown as of `now` (not rows). */
  grownPairs: number;
};

// ---------------------------------------------------------------------------------------------
// Generation. People are numbered: mentors first (0 is demo_mentor), then demo_mentee,
// demo_member and the other members. Each phase draws from its own seeded source, so a phase
// can be generated while the previous one is already in the database.

type Persona = { handle: string; place: Place; city: string; track: Track; title: string; years: number; focus: string; company: string; solo: boolean };

type Community = {
  seed: number;
  now: number;
  mentors: number;
  users: number;
  ids: string[];
  joinedAt: Float64Array;
  /** By mentor number (demo_mentor has none); filled while the users are generated. */
  personas: Persona[];
  /** By mentor number; filled while the profiles are generated. */
  capacity: Uint8Array;
  tags: string[][];
  profileAt: Float64Array;
  preference: StartPreference[];
};

function newCommunity(seed: number, now: Date, mentors: number, members: number): Community {
  const count = mentors + members;
  return {
    seed,
    now: now.getTime(),
    mentors,
    users: count,
    ids: new Array<string>(count),
    joinedAt: new Float64Array(count),
    personas: new Array<Persona>(mentors),
    capacity: new Uint8Array(mentors),
    tags: new Array<string[]>(mentors),
    profileAt: new Float64Array(mentors),
    preference: new Array<StartPreference>(mentors),
  };
}

/** ASCII-only, lower-case, handle-safe form of a name. */
function handlePart(name: string): string {
  return name
    .replace(/[ıİ]/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/** "a staff engineer", "an engineering manager", "a UX researcher", "a DevOps lead". */
function withArticle(title: string): string {
  // A first word with a second capital (CTO, UX, DevOps) keeps its case and is read by letter
  // or as spelled; anything else is an ordinary word inside the sentence.
  const keepCase = /^[A-Z]\S*[A-Z]/.test(title.split(' ')[0]!);
  const acronym = /^[A-Z]{2}/.test(title);
  const phrase = keepCase ? title : title[0]!.toLowerCase() + title.slice(1);
  const vowelSound = acronym ? /^[AEFHILMNORSX]/.test(title) : /^[aeiou]/i.test(title);
  return `${vowelSound ? 'an' : 'a'} ${phrase}`;
}

function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function* userRows(c: Community, passwordHash: string): Generator<PgInsertValue<typeof users>> {
  const faker = new Faker({ locale: [en, base], seed: c.seed });
  const idRandom = seededRandom(c.seed ^ 0x5eed);
  // Names come from the person's own locale; each locale gets its own instance, seeded from the
  // main seed so the names repeat too.
  const nameFakers = new Map<LocaleDefinition, Faker>();
  const nameFaker = (locale: LocaleDefinition) => {
    let instance = nameFakers.get(locale);
    if (!instance) {
      instance = new Faker({ locale: [locale, en, base], seed: c.seed + nameFakers.size + 1 });
      nameFakers.set(locale, instance);
    }
    return instance;
  };
  const places = PLACES.map((p) => ({ weight: p.weight, value: p }));
  const tracks = TRACKS.map((t) => ({ weight: t.weight, value: t }));
  const personName = (place: Place) => {
    if ('first' in place.names) {
      return { first: faker.helpers.arrayElement(place.names.first), last: faker.helpers.arrayElement(place.names.last) };
    }
    const f = nameFaker(place.names.locale);
    return { first: f.person.firstName(), last: f.person.lastName() };
  };

  // The demo handles and the local parts of their e-mails are reserved so no generated
  // `<handle>@example.com` can collide with them. Everything here is lower case, so the set
  // also keeps handles unique regardless of case.
  const taken = new Set<string>([...DEMO_ACCOUNTS.map((a) => a.handle), 'mentor', 'mentee', 'member']);
  // Where each stem's numbering continues: common names recur thousands of times at scale.
  const nextSuffix = new Map<string, number>();
  const uniqueHandle = (first: string, last: string) => {
    const f = handlePart(first) || 'member';
    const l = handlePart(last) || 'x';
    const stem = faker.helpers
      .arrayElement([`${f}${l}`, `${f}_${l}`, `${f[0]}${l}`, `${f}${faker.number.int({ min: 1, max: 99 })}`, `${f}_${l[0]}`, `${l}_${f}`])
      .slice(0, 26)
      .padEnd(3, '0');
    let handle = stem;
    // Reserved words (admin, support…) are refused by the same schema as sign-up uses.
    if (taken.has(handle) || !handleSchema.safeParse(handle).success) {
      let n = nextSuffix.get(stem) ?? 2;
      do {
        const suffix = String(n++);
        handle = stem.slice(0, 30 - suffix.length) + suffix;
      } while (taken.has(handle));
      nextSuffix.set(stem, n);
    }
    taken.add(handle);
    return handle;
  };

  const pastDate = (daysAgo: number) => new Date(c.now - daysAgo * DAY_MS - faker.number.int({ min: 0, max: DAY_MS - 1 }));
  // Mentors lean towards the early months (the platform launched with them); members keep
  // joining, so their sign-ups lean towards recent months.
  const mentorSignup = () => pastDate(Math.floor(364 * Math.sqrt(faker.number.float({ min: 0, max: 1 }))));
  const memberSignup = () => pastDate(Math.floor(364 * (1 - Math.sqrt(faker.number.float({ min: 0, max: 1 })))));

  const row = (index: number, handle: string, email: string, displayName: string, bio: string, createdAt: Date) => {
    const id = seededUuid(idRandom);
    c.ids[index] = id;
    c.joinedAt[index] = createdAt.getTime();
    return { id, handle, email, displayName, bio, passwordHash, createdAt, updatedAt: createdAt };
  };

  yield row(0, 'demo_mentor', 'mentor@example.com', DEMO_MENTOR.displayName, DEMO_MENTOR.bio, pastDate(DEMO_MENTOR.daysAgo));

  for (let i = 1; i < c.mentors; i++) {
    const place = faker.helpers.weightedArrayElement(places);
    const { first, last } = personName(place);
    const handle = uniqueHandle(first, last);
    const track = faker.helpers.weightedArrayElement(tracks);
    const [title, minYears] = faker.helpers.arrayElement(track.titles);
    const years = faker.number.int({ min: Math.max(2, minYears), max: Math.min(30, minYears + 12) });
    const focus = faker.helpers.arrayElement(track.focus);
    const company = faker.helpers.arrayElement(COMPANIES);
    const city = faker.helpers.arrayElement(place.cities);
    const solo = SOLO_TITLES.has(title) || faker.datatype.boolean({ probability: 0.1 });
    c.personas[i] = { handle, place, city, track, title, years, focus, company, solo };
    const bio = faker.helpers.arrayElement([
      `${title} in ${city}. Happy to talk about ${focus}.`,
      `${title}${solo ? '' : ` at ${company}`}. I write about ${focus} and careers in tech.`,
      `${years} years in ${track.area} and still learning. Based in ${city}.`,
    ]);
    yield row(i, handle, `${handle}@example.com`, clamp(`${first} ${last}`, 60), clamp(bio, 280), mentorSignup());
  }

  for (const [offset, handle] of (['demo_mentee', 'demo_member'] as const).entries()) {
    const account = DEMO_ACCOUNTS.find((a) => a.handle === handle)!;
    const demo = DEMO_MEMBERS[handle];
    yield row(c.mentors + offset, handle, account.email, demo.displayName, demo.bio, pastDate(demo.daysAgo));
  }

  for (let i = c.mentors + 2; i < c.users; i++) {
    const place = faker.helpers.weightedArrayElement(places);
    const { first, last } = personName(place);
    const handle = uniqueHandle(first, last);
    const role = faker.helpers.arrayElement(MEMBER_ROLES);
    const goal = faker.helpers.arrayElement(MEMBER_GOALS);
    const bio = faker.helpers.weightedArrayElement([
      { weight: 5, value: `${role} in ${faker.helpers.arrayElement(place.cities)}. ${goal}` },
      { weight: 3, value: `${role}. ${goal}` },
      { weight: 1, value: goal },
      // Plenty of real members never fill in a bio.
      { weight: 1, value: '' },
    ]);
    yield row(i, handle, `${handle}@example.com`, clamp(`${first} ${last}`, 60), clamp(bio, 280), memberSignup());
  }
}

function* profileRows(c: Community): Generator<PgInsertValue<typeof mentorProfiles>> {
  const faker = new Faker({ locale: [en, base], seed: c.seed + 7919 });

  // Fixed proportions, shuffled, rather than a coin per mentor: every seed and size gets the
  // intended mix (30/30/40 start preferences, 80% accepting), which insights and tests rely on.
  const generated = c.mentors - 1;
  const asks = Math.min(generated, Math.round(c.mentors * 0.3));
  const grows = Math.min(generated - asks, Math.round(c.mentors * 0.3));
  const preferences = faker.helpers.shuffle<StartPreference>([
    ...Array<StartPreference>(asks).fill('ask'),
    ...Array<StartPreference>(grows).fill('grow'),
    ...Array<StartPreference>(generated - asks - grows).fill('either'),
  ]);
  const open = Math.min(generated, Math.max(0, Math.round(c.mentors * 0.8) - 1));
  const accepting = faker.helpers.shuffle([...Array<boolean>(open).fill(true), ...Array<boolean>(generated - open).fill(false)]);

  const languagesFor = (place: Place): string[] => {
    const languages = new Set<string>();
    if (place.language !== 'en') languages.add(place.language);
    if (place.language === 'en' || faker.datatype.boolean({ probability: 0.85 })) languages.add('en');
    if (faker.datatype.boolean({ probability: 0.25 })) languages.add(faker.helpers.arrayElement(EXTRA_LANGUAGES));
    return [...languages].slice(0, 3);
  };

  const london = PLACES.find((p) => p.zone === DEMO_MENTOR.place)!;
  const demoAt = new Date(c.joinedAt[0]!);
  c.capacity[0] = DEMO_MENTOR.capacity;
  c.tags[0] = DEMO_MENTOR.tags;
  c.profileAt[0] = demoAt.getTime();
  c.preference[0] = DEMO_MENTOR.startPreference;
  yield {
    userId: c.ids[0]!,
    headline: DEMO_MENTOR.headline,
    bio: DEMO_MENTOR.profileBio,
    yearsExperience: DEMO_MENTOR.yearsExperience,
    languages: DEMO_MENTOR.languages,
    timezone: london.zone,
    country: london.country,
    links: DEMO_MENTOR.links,
    tags: DEMO_MENTOR.tags,
    capacity: DEMO_MENTOR.capacity,
    accepting: DEMO_MENTOR.accepting,
    startPreference: DEMO_MENTOR.startPreference,
    startNote: DEMO_MENTOR.startNote,
    status: 'active',
    createdAt: demoAt,
    updatedAt: demoAt,
  };

  for (let i = 1; i < c.mentors; i++) {
    const { handle, place, city, track, title, years, focus, company, solo } = c.personas[i]!;
    const preference = preferences[i - 1]!;
    const mentorTags: TagSlug[] = faker.helpers.arrayElements(track.tags, { min: 2, max: 5 });
    if (faker.datatype.boolean({ probability: 0.45 })) {
      mentorTags.push(faker.helpers.arrayElement(GENERAL_TAGS.filter((t) => !mentorTags.includes(t))));
    }
    const help = faker.helpers.arrayElements(track.help, { min: 2, max: 4 });
    const paragraphs = [
      `I'm ${withArticle(title)}${solo ? '' : ` at ${company}`} based in ${city}, with ${years} years in ${track.area}. ${faker.helpers.arrayElement(track.story)}`,
      `I can help with:\n\n${help.map((h) => `- ${h}`).join('\n')}`,
    ];
    if (faker.datatype.boolean({ probability: 0.6 })) paragraphs.push(faker.helpers.arrayElement(MENTOR_CLOSINGS));
    const links = faker.helpers.arrayElements(
      [`https://example.com/${handle}`, `https://example.com/${handle}/blog`, `https://example.com/talks/${handle}`],
      { min: 0, max: 2 },
    );
    // Most people fill in their mentor profile within a few days of signing up.
    const createdAt = new Date(Math.min(c.now, c.joinedAt[i]! + faker.number.int({ min: 0, max: 3 }) * DAY_MS));
    const capacity = faker.number.int({ min: 1, max: 8 });
    c.capacity[i] = capacity;
    c.tags[i] = mentorTags;
    c.profileAt[i] = createdAt.getTime();
    c.preference[i] = preference;
    yield {
      userId: c.ids[i]!,
      headline: clamp(solo ? `${title} · ${focus}` : `${title} at ${company} · ${focus}`, 120),
      bio: paragraphs.join('\n\n'),
      yearsExperience: years,
      languages: languagesFor(place),
      timezone: place.zone,
      country: place.country,
      links,
      tags: mentorTags,
      capacity,
      accepting: accepting[i - 1]!,
      startPreference: preference,
      startNote: faker.helpers.arrayElement(START_NOTES[preference]),
      status: 'active',
      createdAt,
      updatedAt: createdAt,
    };
  }
}

type FollowPlan = { follower: number[]; followee: number[]; at: number[]; order: Int32Array };

/**
 * About five follows per member: three in four go to mentors picked by a Zipf-like popularity
 * (a few mentors get thousands of followers, most a handful), the rest to anyone. demo_mentee
 * follows demo_mentor and five other mentors; demo_member follows nobody.
 */
function planFollows(c: Community): FollowPlan {
  const random = seededRandom(c.seed + 15_485_863);
  const byPopularity = shuffleInPlace(
    Array.from({ length: c.mentors }, (_, k) => k),
    random,
  );
  const zipf = zipfSampler(c.mentors, 0.8, random);
  const demoMentee = c.mentors;
  const demoMember = c.mentors + 1;
  const plan: FollowPlan = { follower: [], followee: [], at: [], order: new Int32Array(0) };
  const targets = new Set<number>();
  const follow = (follower: number, followee: number, at?: number) => {
    targets.add(followee);
    const from = Math.max(c.joinedAt[follower]!, c.joinedAt[followee]!);
    plan.follower.push(follower);
    plan.followee.push(followee);
    plan.at.push(at ?? from + random() * (c.now - from));
  };
  // Mean ≈ 5.2: some follow nobody, most a handful, a few follow dozens.
  const howMany = () => {
    const x = random();
    if (x < 0.1) return 0;
    if (x < 0.3) return randomInt(random, 1, 2);
    if (x < 0.75) return randomInt(random, 3, 6);
    if (x < 0.95) return randomInt(random, 7, 12);
    return randomInt(random, 13, 25);
  };

  for (let user = 0; user < c.users; user++) {
    if (user === demoMember) continue;
    targets.clear();
    let wanted = howMany();
    if (user === demoMentee) {
      follow(user, 0);
      wanted = 6;
    }
    for (let attempt = 0; targets.size < wanted && attempt < wanted * 4; attempt++) {
      const target = user === demoMentee || random() < 0.75 ? byPopularity[zipf()]! : Math.floor(random() * c.users);
      if (target !== user && !targets.has(target)) follow(user, target);
    }
  }

  return plan;
}

/**
 * Adds the follows that belong to the simulated mentorships: a grown one's mentee followed the
 * mentor before their rapport grew (an existing follow moves earlier); after an accepted request,
 * some mentees follow their mentor. Then orders all follows by followee (a counting sort), so
 * each insert batch bumps the follower_count of as few users as possible: each user's row is
 * then updated about once, not once per batch.
 */
function addMentorshipFollows(c: Community, plan: FollowPlan, extra: readonly { follower: number; followee: number; at: number; before: boolean }[]) {
  const edge = new Map<number, number>();
  plan.follower.forEach((f, k) => edge.set(f * c.users + plan.followee[k]!, k));
  for (const { follower, followee, at, before } of extra) {
    const k = edge.get(follower * c.users + followee);
    if (k === undefined) {
      edge.set(follower * c.users + followee, plan.follower.length);
      plan.follower.push(follower);
      plan.followee.push(followee);
      plan.at.push(at);
    } else if (before && at < plan.at[k]!) {
      plan.at[k] = at;
    }
  }
  const total = plan.followee.length;
  const next = new Int32Array(c.users + 1);
  for (const followee of plan.followee) next[followee + 1]!++;
  for (let u = 0; u < c.users; u++) next[u + 1]! += next[u]!;
  plan.order = new Int32Array(total);
  for (let k = 0; k < total; k++) plan.order[next[plan.followee[k]!]!++] = k;
}

function* followRows(c: Community, plan: FollowPlan): Generator<PgInsertValue<typeof follows>> {
  for (const k of plan.order) {
    yield { followerId: c.ids[plan.follower[k]!]!, followeeId: c.ids[plan.followee[k]!]!, createdAt: new Date(plan.at[k]!) };
  }
}

// ---------------------------------------------------------------------------------------------
// Database

function checkSize(name: keyof typeof SIZE_LIMITS, value: number) {
  const { min, max } = SIZE_LIMITS[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}; got ${value}.`);
  }
}

/**
 * Replaces all members, mentor profiles, tags, mentorships (with their messages, goals and
 * ratings), follows, requests, offers, posts, comments, reactions and the event log with a generated demo community and its history, in
 * one transaction. Repeatable: the same seed and size give the same data (timestamps are
 * relative to `now`).
 */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedCounts> {
  const mentorCount = options.mentors ?? DEFAULT_SIZE.mentors;
  const memberCount = options.members ?? DEFAULT_SIZE.members;
  checkSize('mentors', mentorCount);
  checkSize('members', memberCount);
  const log = options.onProgress ?? (() => {});
  const phase = progressReporter({ bar: options.progressBar ?? false, log });
  const c = newCommunity(options.seed ?? DEFAULT_SEED, options.now ?? new Date(), mentorCount, memberCount);

  // scrypt is slow on purpose; one hash shared by every demo account keeps seeding fast.
  log('Hashing the demo password…');
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const counts = await db.transaction(async (tx) => {
    const insert = async <T extends PgTable>(name: string, table: T, rows: Iterable<PgInsertValue<T>>, total: number, batchSize: number) => {
      const bar = await phase(name, total);
      try {
        return await insertInBatches(tx, table, rows, batchSize, bar.update);
      } finally {
        bar.stop();
      }
    };

    log('Clearing existing members, mentor profiles, tags, mentorships, follows and content…');
    // The event log refuses row deletes (append-only); demo data starts its history afresh.
    await tx.execute(sql`truncate table events`);
    await tx.delete(reactions);
    await tx.delete(comments);
    await tx.delete(posts);
    await tx.delete(mentorshipOffers);
    await tx.delete(mentorshipRequests);
    await tx.delete(follows);
    await tx.delete(mentorshipRatings);
    await tx.delete(mentorshipGoals);
    await tx.delete(mentorshipMessages);
    await tx.delete(mentorships);
    await tx.delete(mentorProfiles);
    await tx.delete(tags);
    await tx.delete(avatars);
    await tx.delete(oauthAccounts);
    await tx.delete(users);

    const userTotal = await insert('users', users, userRows(c, passwordHash), c.users, 5000);
    log(`Creating ${TAGS.length} tags…`);
    await tx.insert(tags).values(TAGS.map(([slug, name]) => ({ slug, name })));
    const mentorTotal = await insert('profiles', mentorProfiles, profileRows(c), c.mentors, 2000);
    const followPlan = planFollows(c);
    // demo_mentee and demo_member take no part in the history, so e2e tests start from scratch.
    const bystanders = [c.mentors, c.mentors + 1];
    // The year of requests, grown connections and mentorships, drawn from ./simulation.ts.
    const history = simulateHistory({ ...c, bystanders }, followPlan);
    addMentorshipFollows(c, followPlan, history.follows);
    const followTotal = await insert('follows', follows, followRows(c, followPlan), followPlan.order.length, 20_000);
    const content = planContent({ ...c, mentorTags: c.tags, bystanders }, followPlan, history.relationships, history.quiet);
    const postTotal = await insert('posts', posts, postRows(content), content.posts.id.length, 2000);
    const commentTotal = await insert('comments', comments, commentRows(content), content.comments.id.length, 10_000);
    const reactionTotal = await insert('reactions', reactions, reactionRows(content), content.reactions.user.length, 20_000);
    const rapport = replayRapport(content, followPlan);
    planOffers(history, rapport);
    // Only now is each pair's first contact known: it may be any follow, comment or reaction.
    settleFirstContacts(history, content, followPlan);
    const mentorshipTotal = await insert('mentorships', mentorships, history.mentorships, history.mentorships.length, 5000);
    const requestTotal = await insert('requests', mentorshipRequests, requestRows(history), history.requests.length, 5000);
    const offerTotal = await insert('offers', mentorshipOffers, offerRows(history), history.offers.length, 5000);
    const threads = planThreads(history);
    const messageTotal = await insert('messages', mentorshipMessages, messageRows(history, threads), threads.messages.id.length, 10_000);
    const goalTotal = await insert('goals', mentorshipGoals, goalRows(history, threads), threads.goals.id.length, 10_000);
    const ratingTotal = await insert('ratings', mentorshipRatings, ratingRows(history, threads), threads.ratings.rating.length, 10_000);
    const eventPlan = eventLog(history, threads, content, rapport, followPlan);
    const eventTotal = await insert('events', events, eventPlan.rows, eventPlan.count, 20_000);
    return {
      users: userTotal,
      mentors: mentorTotal,
      tags: TAGS.length,
      mentorships: mentorshipTotal,
      follows: followTotal,
      requests: requestTotal,
      offers: offerTotal,
      messages: messageTotal,
      goals: goalTotal,
      ratings: ratingTotal,
      posts: postTotal,
      comments: commentTotal,
      reactions: reactionTotal,
      events: eventTotal,
      grownPairs: rapport.grownNow.size,
    };
  });

  log('Demo data ready.');
  return counts;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length === 0;
}

/** The demo sign-ins, for the start-up banner and the seed script. */
export function demoAccountsText(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const lines = DEMO_ACCOUNTS.map(
    (a) => `  ${a.role.padEnd(7)} @${a.handle.padEnd(12)} ${a.email.padEnd(width)}  ${DEMO_PASSWORD}`,
  );
  return ['Demo accounts (sign in with the e-mail or handle and the password):', ...lines].join('\n');
}
