// What happens inside each simulated mentorship, drawn from the model in ./simulation.ts: the
// messages of its private thread, its goals (the request's, or those a grown pair adds) and which
// of them get done, and the ratings once it has ended. Planned as numbers; the rows are built
// while they are inserted.
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { mentorshipGoals, mentorshipMessages, mentorshipRatings } from '@/db/schema';
import { exponential, poisson, seededRandom, seededUuid, shuffleInPlace, weightedKey as weighted } from './bulk';
import { REQUEST_GOALS } from './content-words';
import type { HistoryPlan } from './history';
import { SIMULATION, type StarWeights } from './simulation';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WEEK_MS = 7 * DAY_MS;

export type ThreadPlan = {
  messages: { id: string[]; mentorship: number[]; author: number[]; at: number[]; body: string[]; length: number[] };
  goals: {
    id: string[];
    mentorship: number[];
    title: string[];
    position: number[];
    createdAt: number[];
    /** Who added it in the thread; -1 for the request's goals, set when the mentorship started. */
    addedBy: number[];
    /** NaN and -1 while not done. */
    doneAt: number[];
    doneBy: number[];
  };
  ratings: { mentorship: number[]; rater: number[]; rating: number[]; comment: string[]; at: number[] };
};

// A small vocabulary for the threads: enough that they read like people, not like a template.
const MENTEE_OPENINGS = ['Hi!', 'Thanks again for our call.', 'Hope your week is going well.', 'Sorry for the slow reply.', 'A quick update.', 'Small win this week.', 'Following up on last time.', ''];
const MENTEE_MIDDLES = [
  'I finished the first draft of the design doc and shared it with my team.',
  'I tried asking questions in my code reviews instead of giving orders, and the discussion went much better.',
  'My manager agreed to let me lead the next small project.',
  'I practised two system design questions and got stuck on the caching part again.',
  'I read the article you sent and wrote down a few questions about it.',
  'I set up the repository for the side project and wrote the first tests.',
  'I asked for feedback after the sprint demo, as we discussed.',
  'I am not sure how to say no to extra work without sounding difficult.',
  'The interview is booked for next Thursday.',
  'I wrote up what went wrong in last week’s incident.',
  'I paired with a senior colleague on the migration and learned a lot.',
  'I blocked two hours every Friday for learning, like you suggested.',
];
const MENTEE_CLOSINGS = ['What do you think?', 'Talk soon.', 'Does the same time next week still work?', 'No rush to reply.', 'Could we spend part of our next call on this?', ''];
const MENTOR_OPENINGS = ['Thanks for the update.', 'Great to hear!', 'Good question.', 'Nice work.', 'Sorry, busy week here.', 'Hi!', ''];
const MENTOR_MIDDLES = [
  'Try writing the trade-offs down before you pick an option; it makes the review much easier.',
  'In the interview, say your assumptions out loud before you draw anything.',
  'Ask your manager what senior looks like on your team, with concrete examples.',
  'Pick one small thing to own end to end this month, and tell people when it ships.',
  'It is fine to say no; offer what you can do instead, and by when.',
  'Send me the draft when you are ready and I will leave comments.',
  'Keep a short list of what you learn each week; it helps when review season comes.',
  'Let us use our next call for a mock interview.',
  'The caching question is really about what happens when the data changes; start from there.',
  'I liked how you wrote up the incident: clear, and without blame.',
  'Read the code of a library you use every day; you will learn more than from any tutorial.',
  'Ask a senior engineer on your team to review one of your designs, not just your code.',
];
const MENTOR_CLOSINGS = ['Keep going.', 'Talk soon.', 'Let me know how it goes.', 'Same time next week?', ''];

const RATING_COMMENTS = {
  mentee: {
    high: ['Thank you: this made a real difference to my year.', 'Clear advice, and always honest.', 'Every call left me with something to try.'],
    low: ['We never found a rhythm that worked for both of us.', 'The timing was not right for me.'],
  },
  mentor: {
    high: ['Well prepared for every call, and followed through.', 'I learned as much as I taught.', 'A pleasure to work with.'],
    low: ['We struggled to find time.', 'Not the right moment for either of us.'],
  },
};

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const stars = (random: () => number, weights: StarWeights) => Number(weighted(random, { 1: weights[0], 2: weights[1], 3: weights[2], 4: weights[3], 5: weights[4] }));

function messageBody(random: () => number, byMentee: boolean): string {
  const [openings, middles, closings] = byMentee ? [MENTEE_OPENINGS, MENTEE_MIDDLES, MENTEE_CLOSINGS] : [MENTOR_OPENINGS, MENTOR_MIDDLES, MENTOR_CLOSINGS];
  return [pick(random, openings), pick(random, middles), pick(random, closings)].filter(Boolean).join(' ');
}

/** Plans every mentorship's thread, goals and ratings, inside its active span and before now. */
export function planThreads(history: HistoryPlan): ThreadPlan {
  const { now, seed } = history.people;
  const random = seededRandom(seed + 12_289);
  const idRandom = seededRandom(seed ^ 0x7e4d);
  const plan: ThreadPlan = {
    messages: { id: [], mentorship: [], author: [], at: [], body: [], length: [] },
    goals: { id: [], mentorship: [], title: [], position: [], createdAt: [], addedBy: [], doneAt: [], doneBy: [] },
    ratings: { mentorship: [], rater: [], rating: [], comment: [], at: [] },
  };
  const { messages: M, goals: G, ratings: T } = plan;
  const { threads, ratings } = SIMULATION;

  history.mentorships.forEach((row, k) => {
    const life = history.life[k]!;
    const params = SIMULATION.cohorts[life.cohort];
    const mentor = history.mentorOf[k]!;
    const mentee = history.menteeOf[k]!;
    const start = (row.startedAt as Date).getTime();
    const endedAt = row.endedAt ? (row.endedAt as Date).getTime() : NaN;
    // Nothing happens in a mentorship once it has ended, nor after now.
    const last = Math.min(Number.isNaN(endedAt) ? Infinity : endedAt, now) - MINUTE_MS;
    const span = last - start;
    if (span <= MINUTE_MS) return;
    const byMentee = () => (random() < threads.goalsByMentee ? mentee : mentor);

    // Messages: a Poisson number over the weeks it ran, the two sides taking turns.
    const count = poisson(random, params.messagesPerActiveWeek * (span / WEEK_MS));
    const times = Array.from({ length: count }, () => start + MINUTE_MS + random() * (span - MINUTE_MS)).sort((a, b) => a - b);
    let menteeTurn = random() < threads.menteeFirst;
    for (const at of times) {
      const body = messageBody(random, menteeTurn);
      M.id.push(seededUuid(idRandom));
      M.mentorship.push(k);
      M.author.push(menteeTurn ? mentee : mentor);
      M.at.push(at);
      M.body.push(body);
      M.length.push([...body].length);
      menteeTurn = !menteeTurn;
    }

    // Goals: the request's, set when it started; a grown pair adds its own in the first weeks.
    const goals: { title: string; at: number; by: number }[] =
      life.cohort === 'grow'
        ? shuffleInPlace([...REQUEST_GOALS], random)
            .slice(0, Number(weighted(random, SIMULATION.cohorts.grow.goalsAdded)))
            .map((title) => ({ title, at: start + random() * 14 * DAY_MS, by: byMentee() }))
            .filter((g) => g.at < last)
            .sort((a, b) => a.at - b.at)
        : life.goals.map((title) => ({ title, at: start, by: -1 }));
    goals.forEach((goal, position) => {
      // Each goal that gets done is done at a time spread over the planned length.
      const doneAt = start + (1 + random() * Math.max(0, life.plannedWeeks - 1)) * WEEK_MS;
      const done = random() < params.goalDone && doneAt > goal.at && doneAt < last;
      G.id.push(seededUuid(idRandom));
      G.mentorship.push(k);
      G.title.push(goal.title);
      G.position.push(position);
      G.createdAt.push(goal.at);
      G.addedBy.push(goal.by);
      G.doneAt.push(done ? doneAt : NaN);
      G.doneBy.push(done ? byMentee() : -1);
    });

    // Ratings: whoever ends it rates it then; the other side perhaps, a little later.
    if (Number.isNaN(endedAt)) return;
    const outcome = row.status === 'completed' ? 'completed' : 'endedEarly';
    const rate = (rater: number, at: number) => {
      const side = rater === mentor ? 'mentor' : 'mentee';
      const rating = stars(random, params.satisfaction[outcome][side === 'mentor' ? 'byMentor' : 'byMentee']);
      const comments = RATING_COMMENTS[side][rating >= 4 ? 'high' : 'low'];
      T.mentorship.push(k);
      T.rater.push(rater);
      T.rating.push(rating);
      T.comment.push(rating !== 3 && random() < 0.3 ? pick(random, comments) : '');
      T.at.push(at);
    };
    const ender = row.endedBy === history.people.ids[mentor] ? mentor : mentee;
    const other = ender === mentor ? mentee : mentor;
    rate(ender, endedAt);
    if (random() < ratings.otherSideRates[other === mentor ? 'mentor' : 'mentee']) {
      const at = endedAt + MINUTE_MS + exponential(random, ratings.otherSideAfterDays * DAY_MS);
      if (at < now - MINUTE_MS) rate(other, at);
    }
  });
  return plan;
}

// ---- Rows -----------------------------------------------------------------------------------

export function* messageRows(history: HistoryPlan, plan: ThreadPlan): Generator<PgInsertValue<typeof mentorshipMessages>> {
  const { ids } = history.people;
  const M = plan.messages;
  for (let i = 0; i < M.id.length; i++) {
    yield { id: M.id[i]!, mentorshipId: history.mentorships[M.mentorship[i]!]!.id as string, authorId: ids[M.author[i]!]!, body: M.body[i]!, createdAt: new Date(M.at[i]!) };
  }
}

export function* goalRows(history: HistoryPlan, plan: ThreadPlan): Generator<PgInsertValue<typeof mentorshipGoals>> {
  const { ids } = history.people;
  const G = plan.goals;
  for (let i = 0; i < G.id.length; i++) {
    const done = !Number.isNaN(G.doneAt[i]!);
    yield {
      id: G.id[i]!,
      mentorshipId: history.mentorships[G.mentorship[i]!]!.id as string,
      title: G.title[i]!,
      position: G.position[i]!,
      createdAt: new Date(G.createdAt[i]!),
      doneAt: done ? new Date(G.doneAt[i]!) : null,
      doneBy: done ? ids[G.doneBy[i]!]! : null,
    };
  }
}

export function* ratingRows(history: HistoryPlan, plan: ThreadPlan): Generator<PgInsertValue<typeof mentorshipRatings>> {
  const { ids } = history.people;
  const T = plan.ratings;
  for (let i = 0; i < T.rating.length; i++) {
    yield {
      mentorshipId: history.mentorships[T.mentorship[i]!]!.id as string,
      raterId: ids[T.rater[i]!]!,
      rating: T.rating[i]!,
      comment: T.comment[i]!,
      createdAt: new Date(T.at[i]!),
    };
  }
}
