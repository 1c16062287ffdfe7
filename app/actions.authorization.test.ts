/**
 * The authorization matrix (GitHub issue 8, point 5): every server action and every route
 * handler, tried as each kind of caller — signed out, an unrelated member, the owner, the other
 * party, an unrelated mentor, a suspended account and an admin. Allowed callers must succeed and
 * their change must be in the database; everyone else must be refused (a refusal, a redirect to
 * sign in, not found) and the database must be exactly as before, every table.
 *
 * The actions are found in the code, not listed by hand: every export of every 'use server'
 * module under app/, and every HTTP method of every route.ts. One without an entry here fails
 * the first test, by name, so a new endpoint cannot ship without saying who may call it.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db';
import {
  avatars,
  blocks,
  comments,
  follows,
  mentorProfiles,
  mentorshipGoals,
  mentorshipMessages,
  mentorshipOffers,
  mentorshipRatings,
  mentorshipRequests,
  mentorships,
  notifications,
  notificationSettings,
  posts,
  reactions,
  reports,
  users,
} from '@/db/schema';
import { endMentorship } from '@/db/queries/mentorships';
import { createTestDatabase } from '@/db/testing/test-database';
import { hashPassword } from '@/lib/password';
import { createUnsubscribeToken } from '@/lib/unsubscribe';
import {
  actAs,
  callAction,
  changedTables,
  createActiveMentorship,
  createCommentRow,
  createMentor,
  createOffer,
  createPendingRequest,
  createPostRow,
  createUser,
  describeOutcome,
  fingerprint,
  follow,
  growConnection,
  inlineServerActionFiles,
  isSignInRedirect,
  loadActions,
  loadRoutes,
  newHandle,
  PNG_1X1,
  pngFile,
  REQUEST_MESSAGE,
  request as asking,
  serverActionFilesElsewhere,
  suspend,
  type AnyAction,
  type FormFields,
  type Outcome,
  type RouteHandler,
} from './actions.test-support';

vi.mock('next/headers', async () => (await import('./actions.test-support')).nextHeadersMock());
vi.mock('next/navigation', async () => (await import('./actions.test-support')).nextNavigationMock());
vi.mock('next/cache', async () => (await import('./actions.test-support')).nextCacheMock());
vi.mock('next-auth', async () => (await import('./actions.test-support')).nextAuthModule());

const ROLES = ['anonymous', 'member', 'owner', 'otherParty', 'unrelatedMentor', 'suspended', 'admin'] as const;
type Role = (typeof ROLES)[number];

// Seven set-ups and calls per scenario; on a busy machine that can pass vitest's 30 s, and a test
// that overran would go on writing in the background into the next one.
const CELL_TIMEOUT = 120_000;

const SIGNED_IN: Role[] = ['member', 'owner', 'otherParty', 'unrelatedMentor', 'admin'];
const EVERYONE: Role[] = [...ROLES];

/** The people present in every case besides the scenario's own owner and other party. */
type Cast = { member: string; unrelatedMentor: string; admin: string };

type Parties = { owner: string; otherParty: string };

type Common<S extends Parties> = {
  /** Who the owner and the other party are, in the product's words. */
  parties: string;
  setup(cast: Cast): Promise<S>;
  allowed: Role[];
  /** The change an allowed call makes, read from the database. Without it, the call must change nothing. */
  effect?(s: S, actor: string | undefined): Promise<boolean>;
  /** Refused callers may get "ok" from an idempotent call on their own (absent) data, as long as nothing changes. */
  othersMayNoop?: boolean;
  /** The suspended caller: the owner's account (the default) or, for admin actions, a suspended admin. */
  suspended?: 'owner' | 'admin';
};

type ActionScenario<S extends Parties = Parties> = Common<S> & {
  form(s: S, actor: string | undefined, role: Role): FormFields;
  /** Whether the call went through; by default an ok result or a redirect anywhere but to sign in. */
  succeeded?(o: Outcome): boolean;
};

type RouteCall = { url: string; method?: string; params?: Record<string, string>; body?: string };
type RouteScenario<S extends Parties = Parties> = Common<S> & {
  request(s: S, actor: string | undefined, role: Role): RouteCall | Promise<RouteCall>;
  succeeded(response: Response): boolean;
};

type Named<T> = T & { name: string };
type ActionEntry = Named<ActionScenario>[];
type RouteEntry = Named<RouteScenario>[] | { notCovered: string };

// Keeps each scenario's own setup type while storing them together.
const action = <S extends Parties>(name: string, s: ActionScenario<S>) => ({ name, ...s }) as unknown as Named<ActionScenario>;
const route = <S extends Parties>(name: string, s: RouteScenario<S>) => ({ name, ...s }) as unknown as Named<RouteScenario>;

let database: Database;
let actions: Map<string, AnyAction>;
let routes: Map<string, RouteHandler>;

beforeAll(async () => {
  database = await createTestDatabase();
  actions = await loadActions();
  routes = await loadRoutes();
});
afterAll(() => database.close());

// ---------------------------------------------------------------------------------------------
// Reading the database back.

const has = async (query: Promise<unknown[]>) => (await query).length > 0;

const post = async (id: string) => (await database.db.select().from(posts).where(eq(posts.id, id)))[0];
const request = async (id: string) => (await database.db.select().from(mentorshipRequests).where(eq(mentorshipRequests.id, id)))[0];
const offer = async (id: string) => (await database.db.select().from(mentorshipOffers).where(eq(mentorshipOffers.id, id)))[0];
const user = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0];
const commentRow = async (id: string) => (await database.db.select().from(comments).where(eq(comments.id, id)))[0];
const report = async (id: string) => (await database.db.select().from(reports).where(eq(reports.id, id)))[0];

async function createReport(reporterId: string, target: { type: 'post' | 'comment' | 'user' | 'message'; id: string }, targetUserId: string) {
  const [row] = await database.db
    .insert(reports)
    .values({ reporterId, targetType: target.type, targetId: target.id, targetUserId, category: 'spam' })
    .returning({ id: reports.id });
  return row!.id;
}

async function createMessage(mentorshipId: string, authorId: string) {
  const [row] = await database.db.insert(mentorshipMessages).values({ mentorshipId, authorId, body: 'Hello!' }).returning({ id: mentorshipMessages.id });
  return row!.id;
}

async function createNotification(recipientId: string, actorId: string) {
  const [row] = await database.db
    .insert(notifications)
    .values({ recipientId, actorId, kind: 'message', data: { mentorshipId: '00000000-0000-4000-8000-000000000001' } })
    .returning({ id: notifications.id });
  return row!.id;
}

const PASSWORD = 'correct horse battery staple';

/** A token whose payload names `userId` but whose signature belongs to another member's link. */
function forgedUnsubscribeToken(userId: string, signerId: string) {
  const [, signature] = createUnsubscribeToken(signerId, 'digest').split('.');
  return `${Buffer.from(`1:${userId}:digest`).toString('base64url')}.${signature}`;
}

/** The digest kinds default to e-mail; an unsubscribe turns them to in-app. */
const unsubscribed = async (userId: string) =>
  has(
    database.db
      .select()
      .from(notificationSettings)
      .where(and(eq(notificationSettings.userId, userId), eq(notificationSettings.kind, 'comment_reply'), eq(notificationSettings.channel, 'in_app'))),
  );

// ---------------------------------------------------------------------------------------------
// Shared set-ups.

async function publishedPostWithComment(): Promise<Parties & { postId: string; commentId: string }> {
  const owner = await createUser(database, { name: 'author' });
  const otherParty = await createUser(database, { name: 'commenter' });
  const { id: postId } = await createPostRow(database, owner);
  const commentId = await createCommentRow(database, postId, otherParty, owner);
  return { owner, otherParty, postId, commentId };
}

async function draftPost(): Promise<Parties & { postId: string }> {
  const owner = await createUser(database, { name: 'author' });
  const otherParty = await createUser(database, { name: 'reader' });
  const { id: postId } = await createPostRow(database, owner, { status: 'draft' });
  return { owner, otherParty, postId };
}

/** The owner's comment on the other party's post. */
async function ownComment(): Promise<Parties & { postId: string; commentId: string }> {
  const owner = await createUser(database, { name: 'commenter' });
  const otherParty = await createUser(database, { name: 'author' });
  const { id: postId } = await createPostRow(database, otherParty);
  const commentId = await createCommentRow(database, postId, owner, otherParty);
  return { owner, otherParty, postId, commentId };
}

/** The owner mentors the other party; both are members of the mentorship. */
async function activeMentorship(): Promise<Parties & { mentorshipId: string; goalId: string }> {
  const owner = await createMentor(database);
  const otherParty = await createUser(database, { name: 'mentee' });
  const m = await createActiveMentorship(database, owner, otherParty);
  return { owner, otherParty, ...m };
}

/** The other party (mentee) asked the owner (mentor). */
async function requestToOwner(): Promise<Parties & { requestId: string }> {
  const owner = await createMentor(database);
  const otherParty = await createUser(database, { name: 'mentee' });
  return { owner, otherParty, requestId: await createPendingRequest(otherParty, owner) };
}

/** Two members; the owner acts on themself only. */
async function twoMembers(): Promise<Parties> {
  return { owner: await createUser(database, { name: 'owner' }), otherParty: await createUser(database, { name: 'other' }) };
}

async function reportedPost(options: { hidden?: boolean } = {}) {
  const { owner, otherParty, postId, commentId } = await publishedPostWithComment();
  // The comment under the owner's post is the owner's own, so comment moderation acts on the owner too.
  const ownersComment = await createCommentRow(database, postId, owner, owner);
  if (options.hidden) {
    await database.db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, postId));
    await database.db.update(comments).set({ hiddenAt: new Date() }).where(eq(comments.id, ownersComment));
  }
  const postReport = await createReport(otherParty, { type: 'post', id: postId }, owner);
  const commentReport = await createReport(otherParty, { type: 'comment', id: ownersComment }, owner);
  return { owner, otherParty, postId, commentId, ownersComment, postReport, commentReport };
}

const mentorProfileForm = (s: Parties) => ({
  headline: 'Staff engineer, mentoring in distributed systems',
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
  // Smuggled: the schema must drop it, the profile saved must be the caller's own.
  userId: s.owner,
});

// ---------------------------------------------------------------------------------------------
// The matrix. Keys are `<file under app/>#<export>`.

const MATRIX: Record<string, ActionEntry> = {
  // ———————————————————————————————————————————————— posts, comments, reactions, follows
  'posts/actions.ts#createPostAction': [
    action('new post', {
      parties: 'any member writes their own post',
      setup: twoMembers,
      form: () => ({ title: 'Matrix probe', body: 'Written by whoever asked.', intent: 'publish' }),
      allowed: SIGNED_IN,
      effect: async (_s, actor) => has(database.db.select().from(posts).where(and(eq(posts.authorId, actor!), eq(posts.title, 'Matrix probe')))),
    }),
  ],
  'posts/actions.ts#updatePostAction': [
    action('published post', {
      parties: 'owner: the author; other party: a commenter on it',
      setup: publishedPostWithComment,
      form: (s) => ({ postId: s.postId, title: 'Rewritten', body: 'New body.', intent: 'publish' }),
      allowed: ['owner'],
      effect: async (s) => (await post(s.postId))?.title === 'Rewritten',
    }),
    action('draft', {
      parties: 'owner: the author; other party: another member',
      setup: draftPost,
      form: (s) => ({ postId: s.postId, title: 'Rewritten', body: 'New body.', intent: 'draft' }),
      allowed: ['owner'],
      effect: async (s) => (await post(s.postId))?.title === 'Rewritten',
    }),
  ],
  'posts/actions.ts#deletePostAction': [
    action('published post', {
      parties: 'owner: the author; other party: a commenter on it',
      setup: publishedPostWithComment,
      form: (s) => ({ postId: s.postId }),
      allowed: ['owner'],
      effect: async (s) => (await post(s.postId)) === undefined,
    }),
  ],
  'posts/actions.ts#previewMarkdownAction': [
    action('preview', {
      parties: 'any member previews their own text; nothing is stored',
      setup: twoMembers,
      form: () => ({ body: '**bold**' }),
      allowed: SIGNED_IN,
    }),
  ],
  'posts/actions.ts#addCommentAction': [
    action('reply on a published post', {
      parties: 'owner: the post author; other party: the commenter replied to',
      setup: publishedPostWithComment,
      form: (s) => ({ postId: s.postId, parentId: s.commentId, body: 'A reply from the matrix.' }),
      allowed: SIGNED_IN,
      effect: async (s, actor) =>
        has(database.db.select().from(comments).where(and(eq(comments.postId, s.postId), eq(comments.authorId, actor!), eq(comments.body, 'A reply from the matrix.')))),
    }),
    action('on a draft', {
      parties: 'owner: the author of the draft',
      setup: draftPost,
      form: (s) => ({ postId: s.postId, body: 'Too early.' }),
      allowed: [],
    }),
  ],
  'posts/actions.ts#editCommentAction': [
    action('own comment', {
      parties: "owner: the comment's author; other party: the post's author",
      setup: ownComment,
      form: (s) => ({ commentId: s.commentId, body: 'Edited.' }),
      allowed: ['owner'],
      effect: async (s) => (await commentRow(s.commentId))?.body === 'Edited.',
    }),
  ],
  'posts/actions.ts#deleteCommentAction': [
    action('own comment', {
      parties: "owner: the comment's author; other party: the post's author",
      setup: ownComment,
      form: (s) => ({ commentId: s.commentId }),
      allowed: ['owner'],
      effect: async (s) => (await commentRow(s.commentId)) === undefined,
    }),
  ],
  'posts/actions.ts#reactAction': [
    action('like a published post', {
      parties: 'owner: the post author (reacting to your own post is allowed); other party: a commenter',
      setup: publishedPostWithComment,
      form: (s) => ({ target: 'post', targetId: s.postId, reaction: 'like:on' }),
      allowed: SIGNED_IN,
      effect: async (s, actor) => has(database.db.select().from(reactions).where(and(eq(reactions.postId, s.postId), eq(reactions.userId, actor!)))),
    }),
    action("take back one's like", {
      parties: "owner: who liked the other party's post",
      setup: async () => {
        const s = await twoMembers();
        const { id: postId } = await createPostRow(database, s.otherParty);
        await database.db.insert(reactions).values({ userId: s.owner, postId, targetAuthorId: s.otherParty, kind: 'like' });
        return { ...s, postId };
      },
      form: (s) => ({ target: 'post', targetId: s.postId, reaction: 'like:off' }),
      allowed: ['owner'],
      othersMayNoop: true,
      effect: async (s) => !(await has(database.db.select().from(reactions).where(and(eq(reactions.postId, s.postId), eq(reactions.userId, s.owner))))),
    }),
    action('like a draft', {
      parties: 'owner: the author of the draft',
      setup: draftPost,
      form: (s) => ({ target: 'post', targetId: s.postId, reaction: 'like:on' }),
      allowed: [],
    }),
  ],
  'posts/actions.ts#followAction': [
    action('follow', {
      parties: 'owner: the member followed (cannot follow themself); other party: someone the owner follows',
      setup: async () => {
        const s = await twoMembers();
        await follow(database, s.owner, s.otherParty);
        return s;
      },
      form: (s) => ({ memberId: s.owner, follow: '1' }),
      allowed: ['member', 'otherParty', 'unrelatedMentor', 'admin'],
      effect: async (s, actor) => has(database.db.select().from(follows).where(and(eq(follows.followerId, actor!), eq(follows.followeeId, s.owner)))),
    }),
    action('unfollow', {
      parties: 'owner: the follower; other party: the member followed',
      setup: async () => {
        const s = await twoMembers();
        await follow(database, s.owner, s.otherParty);
        return s;
      },
      form: (s) => ({ memberId: s.otherParty, follow: '0' }),
      allowed: ['owner'],
      othersMayNoop: true,
      effect: async (s) => !(await has(database.db.select().from(follows).where(and(eq(follows.followerId, s.owner), eq(follows.followeeId, s.otherParty))))),
    }),
  ],

  // ———————————————————————————————————————————————— unsubscribe links (the signed token is the proof)
  'unsubscribe/actions.ts#unsubscribeAction': [
    action('the signed link of the mail', {
      parties: "owner: the member the mail was sent to; the session does not matter, the token does",
      setup: twoMembers,
      form: (s) => ({ token: createUnsubscribeToken(s.owner, 'digest') }),
      allowed: EVERYONE,
      effect: (s) => unsubscribed(s.owner),
      succeeded: (o) => o.kind === 'redirect' && o.location.includes('done=1'),
    }),
    action('a forged link naming the owner', {
      parties: "owner: the member named; the signature is another member's",
      setup: twoMembers,
      form: (s, actor) => ({ token: forgedUnsubscribeToken(s.owner, actor && actor !== s.owner ? actor : s.otherParty) }),
      allowed: [],
      succeeded: (o) => o.kind === 'redirect' && o.location.includes('done=1'),
    }),
  ],

  // ———————————————————————————————————————————————— accounts
  '(auth)/actions.ts#signUpAction': [
    action('new account', {
      parties: 'anyone may create an account; the session plays no part',
      setup: async () => ({ ...(await twoMembers()), handle: '' }),
      form: (s) => {
        s.handle = newHandle('new');
        return { displayName: 'New member', handle: s.handle, email: `${s.handle}@example.com`, password: PASSWORD };
      },
      allowed: EVERYONE,
      effect: async (s) => has(database.db.select().from(users).where(eq(users.handle, s.handle))),
    }),
  ],
  '(auth)/actions.ts#signInAction': [
    action("the owner's right password", {
      parties: "owner: the account signed in to; the caller's session does not matter; suspended: the owner's account is suspended",
      setup: async () => {
        const s = await twoMembers();
        await database.db.update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, s.owner));
        return { ...s, handle: (await user(s.owner))!.handle };
      },
      form: (s) => ({ identifier: s.handle, password: PASSWORD }),
      allowed: ['anonymous', 'member', 'owner', 'otherParty', 'unrelatedMentor', 'admin'],
    }),
    action('a wrong password', {
      parties: 'owner: the account tried',
      setup: async () => {
        const s = await twoMembers();
        await database.db.update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, s.owner));
        return { ...s, handle: (await user(s.owner))!.handle };
      },
      form: (s) => ({ identifier: s.handle, password: 'not the password at all' }),
      allowed: [],
    }),
  ],
  '(auth)/actions.ts#signOutAction': [
    action('sign out', { parties: 'anyone; nothing is stored (sessions are tokens)', setup: twoMembers, form: () => ({}), allowed: EVERYONE }),
  ],
  '(auth)/actions.ts#oauthSignInAction': [
    action('GitHub', {
      parties: 'anyone; it only sends the browser to the provider',
      setup: twoMembers,
      form: () => ({ provider: 'github' }),
      allowed: EVERYONE,
    }),
  ],

  // ———————————————————————————————————————————————— the theme (a cookie of the caller's own)
  'theme/actions.ts#setThemeAction': [
    action('choose dark', {
      parties: 'anyone, signed out and suspended too: it sets a cookie on their own browser and writes no row',
      setup: twoMembers,
      form: () => ({ theme: 'dark' }),
      allowed: EVERYONE,
      succeeded: (o) => o.kind === 'ok' && asking.setCookies.get('theme') === 'dark',
    }),
    action('a theme that does not exist', {
      parties: 'anyone; refused with a message, no cookie',
      setup: twoMembers,
      form: () => ({ theme: 'purple' }),
      allowed: [],
      succeeded: (o) => o.kind === 'ok' || asking.setCookies.has('theme'),
    }),
  ],

  // ———————————————————————————————————————————————— settings (each member changes only themself)
  '(app)/settings/actions.ts#updateProfileAction': [
    action('own profile', {
      parties: "any member changes their own profile; a smuggled userId naming the owner must be ignored",
      setup: twoMembers,
      form: (s) => ({ displayName: 'Renamed', handle: newHandle('renamed'), bio: 'New bio', userId: s.owner, id: s.owner }),
      allowed: SIGNED_IN,
      effect: async (s, actor) =>
        (await user(actor!))?.displayName === 'Renamed' && (actor === s.owner || (await user(s.owner))?.displayName !== 'Renamed'),
    }),
  ],
  '(app)/settings/actions.ts#uploadAvatarAction': [
    action('own avatar', {
      parties: 'any member changes their own avatar; a smuggled userId must be ignored',
      setup: twoMembers,
      form: (s) => ({ avatar: pngFile(), userId: s.owner }),
      allowed: SIGNED_IN,
      effect: async (s, actor) =>
        (await has(database.db.select().from(avatars).where(eq(avatars.userId, actor!)))) &&
        (actor === s.owner || !(await has(database.db.select().from(avatars).where(eq(avatars.userId, s.owner))))),
    }),
  ],
  '(app)/settings/actions.ts#removeAvatarAction': [
    action('own avatar', {
      parties: 'owner: the member with an avatar; others have none to remove',
      setup: async () => {
        const s = await twoMembers();
        await database.db.insert(avatars).values({ userId: s.owner, mimeType: 'image/png', bytes: PNG_1X1 });
        await database.db.update(users).set({ avatarUpdatedAt: new Date() }).where(eq(users.id, s.owner));
        return s;
      },
      form: (s) => ({ userId: s.owner }),
      allowed: ['owner'],
      othersMayNoop: true,
      effect: async (s) => !(await has(database.db.select().from(avatars).where(eq(avatars.userId, s.owner)))),
    }),
  ],
  '(app)/settings/actions.ts#saveMentorProfileAction': [
    action('own mentor profile', {
      parties: 'any member may become a mentor, only as themself',
      setup: twoMembers,
      form: (s) => mentorProfileForm(s),
      allowed: SIGNED_IN,
      effect: async (s, actor) =>
        (await has(database.db.select().from(mentorProfiles).where(and(eq(mentorProfiles.userId, actor!), eq(mentorProfiles.startNote, 'A short call first.'))))) &&
        (actor === s.owner || !(await has(database.db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, s.owner))))),
    }),
  ],
  '(app)/settings/actions.ts#mentorStatusAction': [
    action('pause', {
      parties: 'owner: a mentor pausing their own profile; non-mentors have nothing to pause',
      setup: async () => ({ owner: await createMentor(database), otherParty: await createUser(database) }),
      form: () => ({ change: 'pause' }),
      allowed: ['owner', 'unrelatedMentor'],
      othersMayNoop: true,
      effect: async (_s, actor) => has(database.db.select().from(mentorProfiles).where(and(eq(mentorProfiles.userId, actor!), eq(mentorProfiles.accepting, false)))),
    }),
  ],
  '(app)/settings/actions.ts#notificationSettingsAction': [
    action('own settings', {
      parties: 'any member sets their own notifications',
      setup: twoMembers,
      form: (s) => ({ message: 'off', userId: s.owner }),
      allowed: SIGNED_IN,
      effect: async (s, actor) =>
        (await has(database.db.select().from(notificationSettings).where(and(eq(notificationSettings.userId, actor!), eq(notificationSettings.kind, 'message'))))) &&
        (actor === s.owner || !(await has(database.db.select().from(notificationSettings).where(eq(notificationSettings.userId, s.owner))))),
    }),
  ],
  '(app)/welcome/actions.ts#saveOnboardingAction': [
    action('own answers', {
      parties: 'any member answers onboarding for themself; a smuggled userId naming the owner must be ignored',
      setup: twoMembers,
      form: (s) => ({ goal: 'find', interests: 'authz-topic', languages: 'en', startPreference: 'grow', userId: s.owner, id: s.owner }),
      allowed: SIGNED_IN,
      effect: async (s, actor) =>
        (await user(actor!))?.interests.includes('authz-topic') === true &&
        (actor === s.owner || (await user(s.owner))?.interests.length === 0),
    }),
  ],
  '(app)/notifications/actions.ts#markAllReadAction': [
    action('mark all read', {
      parties: 'owner: the recipient of an unread notification; other party: who caused it',
      setup: async () => {
        const s = await twoMembers();
        return { ...s, notificationId: await createNotification(s.owner, s.otherParty) };
      },
      form: () => ({}),
      allowed: ['owner'],
      othersMayNoop: true,
      effect: async (s) => has(database.db.select().from(notifications).where(and(eq(notifications.id, s.notificationId), isNotNull(notifications.readAt)))),
    }),
  ],

  // ———————————————————————————————————————————————— the Ask path
  'u/[handle]/ask/actions.ts#sendRequestAction': [
    action('ask a mentor', {
      parties: 'other party: the mentor asked (cannot ask themself); owner: a member who asks',
      setup: async () => ({ owner: await createUser(database), otherParty: await createMentor(database) }),
      form: (s) => ({ mentorId: s.otherParty, message: REQUEST_MESSAGE, goal: ['Grow'], cadence: 'weekly', lengthWeeks: '8' }),
      allowed: ['member', 'owner', 'unrelatedMentor', 'admin'],
      effect: async (s, actor) =>
        has(database.db.select().from(mentorshipRequests).where(and(eq(mentorshipRequests.menteeId, actor!), eq(mentorshipRequests.mentorId, s.otherParty)))),
    }),
  ],
  '(app)/requests/actions.ts#acceptRequestAction': [
    action('pending request', {
      parties: 'owner: the mentor asked; other party: the mentee who asked',
      setup: requestToOwner,
      form: (s) => ({ requestId: s.requestId }),
      allowed: ['owner'],
      effect: async (s) => (await request(s.requestId))?.status === 'accepted',
    }),
  ],
  '(app)/requests/actions.ts#declineRequestAction': [
    action('pending request', {
      parties: 'owner: the mentor asked; other party: the mentee who asked',
      setup: requestToOwner,
      form: (s) => ({ requestId: s.requestId, reason: 'not_a_fit', note: 'Not now.' }),
      allowed: ['owner'],
      effect: async (s) => (await request(s.requestId))?.status === 'declined',
    }),
  ],
  '(app)/requests/actions.ts#withdrawRequestAction': [
    action('pending request', {
      parties: 'owner: the mentee who asked; other party: the mentor asked',
      setup: async () => {
        const s = await requestToOwner();
        return { owner: s.otherParty, otherParty: s.owner, requestId: s.requestId };
      },
      form: (s) => ({ requestId: s.requestId }),
      allowed: ['owner'],
      effect: async (s) => (await request(s.requestId))?.status === 'withdrawn',
    }),
  ],

  // ———————————————————————————————————————————————— mentorships (both members may act)
  '(app)/mentorships/actions.ts#postMessageAction': [
    action('active mentorship', {
      parties: 'owner: the mentor; other party: the mentee',
      setup: activeMentorship,
      form: (s) => ({ mentorshipId: s.mentorshipId, body: 'Hello from the matrix.' }),
      allowed: ['owner', 'otherParty'],
      effect: async (s, actor) =>
        has(database.db.select().from(mentorshipMessages).where(and(eq(mentorshipMessages.mentorshipId, s.mentorshipId), eq(mentorshipMessages.authorId, actor!)))),
    }),
  ],
  '(app)/mentorships/actions.ts#toggleGoalAction': [
    action('active mentorship', {
      parties: 'owner: the mentor; other party: the mentee',
      setup: activeMentorship,
      form: (s) => ({ mentorshipId: s.mentorshipId, goalId: s.goalId, done: '1' }),
      allowed: ['owner', 'otherParty'],
      effect: async (s, actor) => has(database.db.select().from(mentorshipGoals).where(and(eq(mentorshipGoals.id, s.goalId), eq(mentorshipGoals.doneBy, actor!)))),
    }),
  ],
  '(app)/mentorships/actions.ts#addGoalAction': [
    action('active mentorship', {
      parties: 'owner: the mentor; other party: the mentee',
      setup: activeMentorship,
      form: (s) => ({ mentorshipId: s.mentorshipId, title: 'A goal from the matrix' }),
      allowed: ['owner', 'otherParty'],
      effect: async (s) =>
        has(database.db.select().from(mentorshipGoals).where(and(eq(mentorshipGoals.mentorshipId, s.mentorshipId), eq(mentorshipGoals.title, 'A goal from the matrix')))),
    }),
  ],
  '(app)/mentorships/actions.ts#endMentorshipAction': [
    action('active mentorship', {
      parties: 'owner: the mentor; other party: the mentee',
      setup: activeMentorship,
      form: (s) => ({ mentorshipId: s.mentorshipId, outcome: 'completed', reason: 'goals_met', rating: '5', comment: 'Thank you.' }),
      allowed: ['owner', 'otherParty'],
      effect: async (s, actor) => has(database.db.select().from(mentorships).where(and(eq(mentorships.id, s.mentorshipId), eq(mentorships.endedBy, actor!)))),
    }),
  ],
  '(app)/mentorships/actions.ts#rateMentorshipAction': [
    action('ended mentorship', {
      parties: 'owner: the mentor, not yet rated; other party: the mentee, who ended it and rated',
      setup: async () => {
        const s = await activeMentorship();
        const ended = await endMentorship(s.otherParty, { mentorshipId: s.mentorshipId, outcome: 'completed', reason: 'goals_met', rating: 5, comment: '' });
        if (!ended.ok) throw new Error(ended.message);
        return s;
      },
      form: (s) => ({ mentorshipId: s.mentorshipId, rating: '4', comment: 'Good.' }),
      allowed: ['owner'],
      effect: async (s, actor) =>
        has(database.db.select().from(mentorshipRatings).where(and(eq(mentorshipRatings.mentorshipId, s.mentorshipId), eq(mentorshipRatings.raterId, actor!)))),
    }),
  ],

  // ———————————————————————————————————————————————— the Grow path
  '(app)/connections/actions.ts#makeOfferAction': [
    action('offer', {
      parties: 'owner: a mentor whose connection with the other party has grown; other party: that member',
      setup: async () => {
        const s = { owner: await createMentor(database), otherParty: await createUser(database) };
        await growConnection(database, s.owner, s.otherParty);
        return s;
      },
      form: (s) => ({ kind: 'offer', partnerId: s.otherParty, message: 'Shall we?' }),
      allowed: ['owner'],
      effect: async (s, actor) =>
        has(database.db.select().from(mentorshipOffers).where(and(eq(mentorshipOffers.mentorId, actor!), eq(mentorshipOffers.menteeId, s.otherParty)))),
    }),
    action('proposal', {
      parties: 'owner: a member whose connection with the other party has grown; other party: that mentor',
      setup: async () => {
        const s = { owner: await createUser(database), otherParty: await createMentor(database) };
        await growConnection(database, s.owner, s.otherParty);
        return s;
      },
      form: (s) => ({ kind: 'proposal', partnerId: s.otherParty, message: 'Shall we?' }),
      allowed: ['owner'],
      effect: async (s, actor) =>
        has(database.db.select().from(mentorshipOffers).where(and(eq(mentorshipOffers.menteeId, actor!), eq(mentorshipOffers.mentorId, s.otherParty)))),
    }),
  ],
  '(app)/connections/actions.ts#answerOfferAction': [
    action('accept an offer', {
      parties: 'owner: the member offered a mentorship; other party: the mentor who offered',
      setup: async () => {
        const s = { owner: await createUser(database), otherParty: await createMentor(database) };
        return { ...s, offerId: await createOffer(database, 'offer', s.otherParty, s.owner) };
      },
      form: (s) => ({ offerId: s.offerId, answer: 'accept' }),
      allowed: ['owner'],
      effect: async (s) => (await offer(s.offerId))?.status === 'accepted',
    }),
    action('decline an offer', {
      parties: 'owner: the member offered a mentorship; other party: the mentor who offered',
      setup: async () => {
        const s = { owner: await createUser(database), otherParty: await createMentor(database) };
        return { ...s, offerId: await createOffer(database, 'offer', s.otherParty, s.owner) };
      },
      form: (s) => ({ offerId: s.offerId, answer: 'decline' }),
      allowed: ['owner'],
      effect: async (s) => (await offer(s.offerId))?.status === 'declined',
    }),
    action('withdraw an offer', {
      parties: 'owner: the mentor who offered; other party: the member offered',
      setup: async () => {
        const s = { owner: await createMentor(database), otherParty: await createUser(database) };
        return { ...s, offerId: await createOffer(database, 'offer', s.owner, s.otherParty) };
      },
      form: (s) => ({ offerId: s.offerId, answer: 'withdraw' }),
      allowed: ['owner'],
      effect: async (s) => (await offer(s.offerId))?.status === 'withdrawn',
    }),
  ],

  // ———————————————————————————————————————————————— safety: reports and blocks
  '(app)/safety/actions.ts#reportAction': [
    action('a published post', {
      parties: "owner: the post's author (cannot report their own); other party: a commenter",
      setup: publishedPostWithComment,
      form: (s) => ({ targetType: 'post', targetId: s.postId, category: 'spam', note: 'Looks like spam.' }),
      allowed: ['member', 'otherParty', 'unrelatedMentor', 'admin'],
      effect: async (s, actor) => has(database.db.select().from(reports).where(and(eq(reports.reporterId, actor!), eq(reports.targetId, s.postId)))),
    }),
    action('a private message', {
      parties: "owner: the mentor in the mentorship; other party: the mentee who wrote the message (cannot report their own)",
      setup: async () => {
        const s = await activeMentorship();
        return { ...s, messageId: await createMessage(s.mentorshipId, s.otherParty) };
      },
      form: (s) => ({ targetType: 'message', targetId: s.messageId, category: 'harassment', note: '' }),
      allowed: ['owner'],
      effect: async (s, actor) => has(database.db.select().from(reports).where(and(eq(reports.reporterId, actor!), eq(reports.targetId, s.messageId)))),
    }),
    action('a draft', {
      parties: 'owner: the author of the draft (cannot report their own; no one else can see it)',
      setup: draftPost,
      form: (s) => ({ targetType: 'post', targetId: s.postId, category: 'spam', note: '' }),
      allowed: [],
    }),
  ],
  '(app)/safety/actions.ts#setBlockAction': [
    action('block', {
      parties: 'other party: the member blocked (cannot block themself); owner: a member who follows them',
      setup: async () => {
        const s = await twoMembers();
        await follow(database, s.owner, s.otherParty);
        return s;
      },
      form: (s) => ({ memberId: s.otherParty, block: '1' }),
      allowed: ['member', 'owner', 'unrelatedMentor', 'admin'],
      effect: async (s, actor) => has(database.db.select().from(blocks).where(and(eq(blocks.blockerId, actor!), eq(blocks.blockedId, s.otherParty)))),
    }),
    action('unblock', {
      parties: 'owner: who blocked; other party: the member blocked, who tries to lift it from their side',
      setup: async () => {
        const s = await twoMembers();
        await database.db.insert(blocks).values({ blockerId: s.owner, blockedId: s.otherParty });
        return s;
      },
      form: (s, actor) => ({ memberId: actor === s.otherParty ? s.owner : s.otherParty, block: '0' }),
      allowed: ['owner'],
      othersMayNoop: true,
      effect: async (s) => !(await has(database.db.select().from(blocks).where(eq(blocks.blockerId, s.owner)))),
    }),
  ],
  '(app)/safety/actions.ts#unblockFromListAction': [
    action('unblock', {
      parties: 'owner: who blocked; other party: the member blocked, who tries to lift it from their side',
      setup: async () => {
        const s = await twoMembers();
        await database.db.insert(blocks).values({ blockerId: s.owner, blockedId: s.otherParty });
        return s;
      },
      form: (s, actor) => ({ memberId: actor === s.otherParty ? s.owner : s.otherParty }),
      allowed: ['owner'],
      othersMayNoop: true,
      effect: async (s) => !(await has(database.db.select().from(blocks).where(eq(blocks.blockerId, s.owner)))),
    }),
  ],

  // ———————————————————————————————————————————————— moderation: admins only
  'admin/actions.ts#moderateAction': [
    action('hide a post', {
      parties: "owner: the post's author; other party: who reported it; suspended: a suspended admin",
      suspended: 'admin',
      setup: () => reportedPost(),
      form: (s) => ({ intent: 'hide_post', contentId: s.postId, reportId: s.postReport, note: 'Spam.' }),
      allowed: ['admin'],
      effect: async (s) => (await post(s.postId))?.hiddenAt != null && (await report(s.postReport))?.status === 'actioned',
    }),
    action('restore a post', {
      parties: "owner: the post's author; other party: who reported it; suspended: a suspended admin",
      suspended: 'admin',
      setup: () => reportedPost({ hidden: true }),
      form: (s) => ({ intent: 'restore_post', contentId: s.postId, reportId: s.postReport, note: '' }),
      allowed: ['admin'],
      effect: async (s) => (await post(s.postId))?.hiddenAt === null,
    }),
    action('hide a comment', {
      parties: "owner: the comment's author; other party: who reported it; suspended: a suspended admin",
      suspended: 'admin',
      setup: () => reportedPost(),
      form: (s) => ({ intent: 'hide_comment', contentId: s.ownersComment, reportId: s.commentReport, note: '' }),
      allowed: ['admin'],
      effect: async (s) => (await commentRow(s.ownersComment))?.hiddenAt != null,
    }),
    action('restore a comment', {
      parties: "owner: the comment's author; other party: who reported it; suspended: a suspended admin",
      suspended: 'admin',
      setup: () => reportedPost({ hidden: true }),
      form: (s) => ({ intent: 'restore_comment', contentId: s.ownersComment, reportId: s.commentReport, note: '' }),
      allowed: ['admin'],
      effect: async (s) => (await commentRow(s.ownersComment))?.hiddenAt === null,
    }),
    action('suspend a member', {
      parties: 'owner: the member reported; other party: who reported them; suspended: a suspended admin',
      suspended: 'admin',
      setup: () => reportedPost(),
      form: (s) => ({ intent: 'suspend_member', memberId: s.owner, reportId: s.postReport, note: '' }),
      allowed: ['admin'],
      effect: async (s) => (await user(s.owner))?.suspendedAt != null,
    }),
    action('restore a member', {
      parties: 'owner: the suspended member (who cannot act); other party: who reported them; suspended: a suspended admin',
      suspended: 'admin',
      setup: async () => {
        const s = await reportedPost();
        await suspend(database, s.owner);
        return s;
      },
      form: (s) => ({ intent: 'restore_member', memberId: s.owner, note: '' }),
      allowed: ['admin'],
      effect: async (s) => (await user(s.owner))?.suspendedAt === null,
    }),
    action('dismiss reports', {
      parties: "owner: the reported post's author; other party: who reported it; suspended: a suspended admin",
      suspended: 'admin',
      setup: () => reportedPost(),
      form: (s) => ({ intent: 'dismiss_reports', reportId: s.postReport, note: '' }),
      allowed: ['admin'],
      effect: async (s) => (await report(s.postReport))?.status === 'dismissed',
    }),
  ],
};

// ---------------------------------------------------------------------------------------------
// Route handlers. Keys are `<file under app/>#<METHOD>`.

const unsubscribeUrl = (token: string) => `http://localhost:3000/unsubscribe/one-click?token=${encodeURIComponent(token)}`;
const insightsScenarios = (path: string) => [
  route('platform figures', {
    parties: 'public figures: anyone; nothing is stored',
    setup: twoMembers,
    request: () => ({ url: `http://localhost:3000${path}` }),
    allowed: EVERYONE,
    succeeded: (r) => r.status === 200,
  }),
  route("a mentor's own figures", {
    parties: "owner: a mentor reading their own figures; suspended: that mentor's account, suspended",
    setup: async () => ({ owner: await createMentor(database), otherParty: await createUser(database) }),
    request: () => ({ url: `http://localhost:3000${path}?scope=mine` }),
    allowed: ['owner', 'unrelatedMentor'],
    succeeded: (r) => r.status === 200,
  }),
];

const ROUTES: Record<string, RouteEntry> = {
  'unsubscribe/one-click/route.ts#POST': [
    route('the signed link of the mail', {
      parties: 'owner: the member the mail was sent to; the session does not matter, the token does',
      setup: twoMembers,
      request: (s) => ({ url: unsubscribeUrl(createUnsubscribeToken(s.owner, 'digest')), method: 'POST', body: 'List-Unsubscribe=One-Click' }),
      allowed: EVERYONE,
      effect: (s) => unsubscribed(s.owner),
      succeeded: (r) => r.status === 200,
    }),
    route('a forged link naming the owner', {
      parties: "owner: the member named; the signature is another member's",
      setup: twoMembers,
      request: (s, actor) => ({
        url: unsubscribeUrl(forgedUnsubscribeToken(s.owner, actor && actor !== s.owner ? actor : s.otherParty)),
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
      }),
      allowed: [],
      succeeded: (r) => r.status === 200,
    }),
  ],
  'unsubscribe/one-click/route.ts#GET': [
    route('opened in a browser', {
      parties: 'anyone; it only redirects to the page with the button',
      setup: twoMembers,
      request: (s) => ({ url: unsubscribeUrl(createUnsubscribeToken(s.owner, 'digest')) }),
      allowed: EVERYONE,
      succeeded: (r) => r.status === 303,
    }),
  ],
  '(app)/notifications/[id]/route.ts#GET': [
    route('open a notification (marks it read)', {
      parties: 'owner: the recipient; other party: who caused it',
      setup: async () => {
        const s = await twoMembers();
        return { ...s, notificationId: await createNotification(s.owner, s.otherParty) };
      },
      request: (s) => ({ url: `http://localhost:3000/notifications/${s.notificationId}`, params: { id: s.notificationId } }),
      allowed: ['owner'],
      effect: async (s) => has(database.db.select().from(notifications).where(and(eq(notifications.id, s.notificationId), isNotNull(notifications.readAt)))),
      succeeded: (r) => r.status === 303 && (r.headers.get('location') ?? '').startsWith('/mentorships/'),
    }),
  ],
  'api/avatars/[id]/route.ts#GET': [
    route('an avatar', {
      parties: "anyone may see a member's avatar; nothing is stored",
      setup: async () => {
        const s = await twoMembers();
        await database.db.insert(avatars).values({ userId: s.owner, mimeType: 'image/png', bytes: PNG_1X1 });
        return s;
      },
      request: (s) => ({ url: `http://localhost:3000/api/avatars/${s.owner}`, params: { id: s.owner } }),
      allowed: EVERYONE,
      succeeded: (r) => r.status === 200,
    }),
  ],
  'api/health/route.ts#GET': [
    route('health', { parties: 'anyone', setup: twoMembers, request: () => ({ url: 'http://localhost:3000/api/health' }), allowed: EVERYONE, succeeded: (r) => r.status === 200 }),
  ],
  'api/insights/route.ts#GET': insightsScenarios('/api/insights'),
  // Read-only feeds: anyone may read them, and reading changes nothing (every table is compared).
  'feed.xml/route.ts#GET': [
    route('the site feed', { parties: 'anyone', setup: twoMembers, request: () => ({ url: 'http://localhost:3000/feed.xml' }), allowed: EVERYONE, succeeded: (r) => r.status === 200 }),
  ],
  'u/[handle]/feed.xml/route.ts#GET': [
    route("a member's feed", {
      parties: "anyone may read a member's feed; owner: that member; suspended: that member's account, suspended (its feed is gone)",
      setup: twoMembers,
      request: async (s) => {
        const [row] = await database.db.select({ handle: users.handle }).from(users).where(eq(users.id, s.owner));
        return { url: `http://localhost:3000/u/${row!.handle}/feed.xml`, params: { handle: row!.handle } };
      },
      allowed: EVERYONE.filter((role) => role !== 'suspended'),
      succeeded: (r) => r.status === 200,
    }),
  ],
  'insights.csv/route.ts#GET': insightsScenarios('/insights.csv'),
  'api/auth/[...nextauth]/route.ts#GET': {
    notCovered:
      "Auth.js's own endpoint (lib/auth.ts handlers): these tests run Auth.js's core without its Next.js glue, so the handler is not the production one. Its credentials path is the same authorizeCredentials() that signInAction exercises above.",
  },
  'api/auth/[...nextauth]/route.ts#POST': {
    notCovered: 'As GET: the Auth.js endpoint; the credentials check behind it is covered through signInAction.',
  },
};

// ---------------------------------------------------------------------------------------------
// Running a cell.

async function makeCast(): Promise<Cast> {
  return {
    member: await createUser(database, { name: 'member' }),
    unrelatedMentor: await createMentor(database),
    admin: await createUser(database, { name: 'admin', role: 'admin' }),
  };
}

async function actorFor<S extends Parties>(role: Role, cast: Cast, s: S, scenario: Common<S>): Promise<string | undefined> {
  switch (role) {
    case 'anonymous':
      return undefined;
    case 'member':
    case 'unrelatedMentor':
    case 'admin':
      return cast[role];
    case 'owner':
      return s.owner;
    case 'otherParty':
      return s.otherParty;
    case 'suspended': {
      const account = scenario.suspended === 'admin' ? await createUser(database, { name: 'admin', role: 'admin' }) : s.owner;
      await suspend(database, account);
      return account;
    }
  }
}

const defaultSucceeded = (o: Outcome) => o.kind === 'ok' || (o.kind === 'redirect' && !isSignInRedirect(o));

/**
 * Runs one scenario as every role; returns one line per cell that broke the rule. Each role gets
 * a fresh set-up, so one role's change cannot hide or cause another's. The unrelated people are
 * shared by the scenario's cells: each of them acts in their own cell only.
 */
async function runScenario<S extends Parties, R>(
  scenario: Common<S>,
  call: (s: S, actor: string | undefined, role: Role) => Promise<R>,
  describeResult: (r: R) => string,
  succeeded: (r: R) => boolean,
  threw: (r: R) => boolean,
): Promise<string[]> {
  const problems: string[] = [];
  const cast = await makeCast();
  for (const role of ROLES) {
    const s = await scenario.setup(cast);
    const actor = await actorFor(role, cast, s, scenario);
    await actAs(actor);
    const before = await fingerprint(database);
    const result = await call(s, actor, role);
    const after = await fingerprint(database);
    const changed = changedTables(before, after);
    const said = `${describeResult(result)}${changed.length ? `; changed ${changed.join(', ')}` : '; changed nothing'}`;
    if (threw(result)) {
      problems.push(`${role}: threw (a 500) — ${said}`);
      continue;
    }
    const allowed = scenario.allowed.includes(role);
    if (allowed) {
      if (!succeeded(result)) problems.push(`${role}: should succeed, but ${said}`);
      else if (scenario.effect && !(await scenario.effect(s, actor))) problems.push(`${role}: succeeded, but its change is not in the database (${said})`);
      else if (!scenario.effect && changed.length) problems.push(`${role}: should change nothing, but ${said}`);
    } else {
      if (changed.length) problems.push(`${role}: should be refused, but ${said}`);
      else if (succeeded(result) && !scenario.othersMayNoop) problems.push(`${role}: should be refused, but ${said}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe('every endpoint has an entry', () => {
  it('lists every server action, and names no action that does not exist', () => {
    const found = [...actions.keys()].sort();
    const listed = Object.keys(MATRIX).sort();
    expect({
      'actions without an entry in MATRIX': found.filter((k) => !listed.includes(k)),
      'entries naming no action': listed.filter((k) => !found.includes(k)),
    }).toEqual({ 'actions without an entry in MATRIX': [], 'entries naming no action': [] });
  });

  it('lists every route handler method, and names none that does not exist', () => {
    const found = [...routes.keys()].sort();
    const listed = Object.keys(ROUTES).sort();
    expect({
      'route handlers without an entry in ROUTES': found.filter((k) => !listed.includes(k)),
      'entries naming no route handler': listed.filter((k) => !found.includes(k)),
    }).toEqual({ 'route handlers without an entry in ROUTES': [], 'entries naming no route handler': [] });
  });

  it('has no server actions where it does not look', () => {
    // An inline 'use server' function in a page, or an actions module outside app/, is a public
    // endpoint this file cannot list: move it to the route's actions.ts.
    expect({ inline: inlineServerActionFiles(), 'outside app/': serverActionFilesElsewhere() }).toEqual({ inline: [], 'outside app/': [] });
  });

  it('found the endpoints at all (the enumeration is not vacuous)', () => {
    expect(actions.size).toBeGreaterThan(30);
    expect(routes.size).toBeGreaterThan(5);
  });
});

describe('server actions: only the allowed succeed', () => {
  for (const [key, scenarios] of Object.entries(MATRIX)) {
    for (const scenario of scenarios) {
      it(`${key} — ${scenario.name} (${scenario.parties})`, async () => {
        const fn = actions.get(key);
        expect(fn, `${key} is not exported any more`).toBeDefined();
        const problems = await runScenario(
          scenario,
          (s, actor, role) => callAction(fn!, scenario.form(s, actor, role)),
          describeOutcome,
          scenario.succeeded ?? defaultSucceeded,
          (o) => o.kind === 'error',
        );
        expect(problems, `allowed: ${scenario.allowed.join(', ') || 'no one'}`).toEqual([]);
      }, CELL_TIMEOUT);
    }
  }
});

type RouteResult = { response?: Response; error?: unknown };

describe('route handlers: only the allowed succeed', () => {
  for (const [key, entry] of Object.entries(ROUTES)) {
    // Entries that say why they are not run here (Auth.js's own endpoint) are listed, not run:
    // the enumeration test above still fails if a route has no entry at all.
    if ('notCovered' in entry) continue;
    for (const scenario of entry) {
      it(`${key} — ${scenario.name} (${scenario.parties})`, async () => {
        const handler = routes.get(key);
        expect(handler, `${key} is not exported any more`).toBeDefined();
        const problems = await runScenario<Parties, RouteResult>(
          scenario,
          async (s, actor, role) => {
            const call = await scenario.request(s, actor, role);
            const method = call.method ?? key.split('#')[1]!;
            try {
              const response = await handler!(new Request(call.url, { method, body: call.body, headers: { cookie: '' } }), {
                params: Promise.resolve(call.params ?? {}),
              });
              return { response };
            } catch (error) {
              return { error };
            }
          },
          (r) => (r.response ? `HTTP ${r.response.status}${r.response.headers.get('location') ? ` to ${r.response.headers.get('location')}` : ''}` : `threw ${String(r.error)}`),
          (r) => Boolean(r.response && scenario.succeeded(r.response)),
          (r) => r.error !== undefined || (r.response?.status ?? 0) >= 500,
        );
        expect(problems, `allowed: ${scenario.allowed.join(', ') || 'no one'}`).toEqual([]);
      }, CELL_TIMEOUT);
    }
  }
});
