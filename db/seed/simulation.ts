// The model behind the demo's year of history: every assumption the seed makes about how
// often each path is tried, how often it works and how long what it starts lasts, in one
// object. db/seed/history.ts and db/seed/threads.ts draw the history from it with the seeded
// generator; db/seed/SIMULATION.md explains it in words.
//
// Only the seed may import this file. The insights (db/queries, app/) must find whatever picture
// there is in the rows and the event log, exactly as they would with real members.
import type { Cadence, DeclineReason, StartPreference } from '@/db/schema';
import type { EndReason } from '@/lib/requests';

/** The three cohorts the experiment compares (PRODUCT.md, "Insights: the experiment"). */
export type SimulatedCohort = 'ask-cold' | 'ask-warm' | 'grow';

/** Relative weights of 1, 2, 3, 4 and 5 stars. */
export type StarWeights = readonly [number, number, number, number, number];

type Satisfaction = {
  /** Ratings of mentorships that ran their planned length. */
  completed: { byMentor: StarWeights; byMentee: StarWeights };
  /** Ratings of mentorships that stopped early. */
  endedEarly: { byMentor: StarWeights; byMentee: StarWeights };
};

/** What happens once a mentorship has started, whichever way it started. */
type MentorshipLife = {
  /**
   * Weekly probability that a running mentorship stops before its planned length. One that
   * survives every week up to its planned length completes (goals met). Over a 12-week plan the
   * share that completes is (1 − p)^12.
   */
  endsEarlyPerWeek: number;
  /** Messages in the thread per week while it runs (both sides together; Poisson). */
  messagesPerActiveWeek: number;
  /** Probability that each goal gets ticked off, at a time spread over the planned length. */
  goalDone: number;
  satisfaction: Satisfaction;
};

type AskPath = MentorshipLife & {
  /**
   * Requests sent per mentor per week, for a mentor of average popularity (a mentor's share
   * grows with followers^0.7) and an average start preference. A full mentor cannot be asked.
   */
  triesPerMentorWeek: number;
  /** Share of requests the mentee withdraws before any answer. */
  withdrawn: number;
  /** Share of requests nobody answers within the 14 days, so they expire. */
  expired: number;
  /** Of the requests the mentor answers, the share accepted (if a slot is still free). */
  acceptedWhenAnswered: number;
};

type GrowPath = MentorshipLife & {
  /** Connections whose rapport grows, per mentor per week (same popularity scaling as asks). */
  triesPerMentorWeek: number;
  /** Probability that a grown connection turns into a mentorship (offer or proposal accepted). */
  becomesMentorship: number;
  /** Of those that do not, the share where an offer or proposal is made and refused. */
  offerRefused: number;
  /** How many goals a grown pair adds in the thread in its first two weeks (weights). */
  goalsAdded: Readonly<Record<0 | 1 | 2 | 3, number>>;
};

// The same for every cohort, on purpose: the model assumes that how satisfied people are
// depends on how the mentorship went, not on how it began. Cohorts differ in satisfaction only
// through how many of their mentorships end early.
const SATISFACTION: Satisfaction = {
  completed: { byMentor: [1, 2, 8, 39, 50], byMentee: [1, 2, 6, 31, 60] },
  endedEarly: { byMentor: [6, 14, 32, 32, 16], byMentee: [8, 15, 28, 31, 18] },
};

export const SIMULATION = {
  cohorts: {
    // A request out of the blue: the commonest try, the least often answered or accepted, and
    // the mentorship it starts is the likeliest to fizzle out.
    'ask-cold': {
      triesPerMentorWeek: 0.18,
      withdrawn: 0.08,
      expired: 0.2,
      acceptedWhenAnswered: 0.35,
      endsEarlyPerWeek: 0.05,
      messagesPerActiveWeek: 1.5,
      goalDone: 0.7,
      satisfaction: SATISFACTION,
    },
    // A request after a short exchange in the comments: the mentor knows who is asking.
    'ask-warm': {
      triesPerMentorWeek: 0.1,
      withdrawn: 0.05,
      expired: 0.08,
      acceptedWhenAnswered: 0.6,
      endsEarlyPerWeek: 0.035,
      messagesPerActiveWeek: 1.5,
      goalDone: 0.7,
      satisfaction: SATISFACTION,
    },
    // A connection whose rapport grew: half become a mentorship, and those last the longest.
    // Messages, goals done per goal and satisfaction per outcome are the same in all three.
    grow: {
      triesPerMentorWeek: 0.12,
      becomesMentorship: 0.5,
      offerRefused: 0.3,
      endsEarlyPerWeek: 0.02,
      messagesPerActiveWeek: 1.5,
      goalDone: 0.7,
      goalsAdded: { 0: 15, 1: 35, 2: 35, 3: 15 },
      satisfaction: SATISFACTION,
    },
  } satisfies { 'ask-cold': AskPath; 'ask-warm': AskPath; grow: GrowPath },

  /**
   * How a mentor's start preference scales how often each path reaches them: `ask` scales both
   * kinds of request, `grow` the connections that grow.
   */
  preferenceFactor: {
    ask: { ask: 1.5, either: 1, grow: 0.6 },
    grow: { ask: 0.5, either: 1, grow: 1.5 },
  } satisfies Record<'ask' | 'grow', Record<StartPreference, number>>,

  /**
   * Past this many mentors, every path's rate is scaled by (limit / mentors)^0.5, so a
   * load-test community of 10,000 mentors still seeds in about a minute. Shares, delays and
   * durations do not change with size; only how much history there is per mentor.
   */
  fullRateUpToMentors: 2000,

  requests: {
    /** Time from sending to the mentor's answer: log-normal, median and spread (σ of its log). */
    answerDelay: { medianHours: 30, spread: 1.1 },
    /** When a mentee withdraws: uniformly between these days after sending. */
    withdrawnAfterDays: [0.5, 12] as const,
    /** How many goals a request lists (weights); they become the mentorship's goals. */
    goals: { 1: 30, 2: 35, 3: 25, 4: 10 },
    /** The rhythm and planned length the mentee proposes (planned lengths apply to grown pairs too). */
    cadence: { weekly: 35, fortnightly: 45, monthly: 20 } satisfies Record<Cadence, number>,
    plannedWeeks: { 6: 1, 8: 1, 12: 2, 16: 1, 24: 1, 26: 1 } as Record<number, number>,
    /** Why mentors decline, by their start preference (weights). */
    declineReasons: {
      ask: { no_capacity: 35, not_a_fit: 20, prefer_to_grow: 4, other: 10 },
      either: { no_capacity: 35, not_a_fit: 20, prefer_to_grow: 20, other: 10 },
      grow: { no_capacity: 35, not_a_fit: 20, prefer_to_grow: 55, other: 10 },
    } satisfies Record<StartPreference, Record<DeclineReason, number>>,
    /** Probability a declined request carries a note. */
    declineNote: 0.6,
    /** A warm request follows this many short exchanges in the comments: two-way, not yet a grown rapport. */
    warmExchanges: 1,
  },

  grow: {
    /** Days from the connection growing to the offer or proposal (exponential mean). */
    offerAfterDays: 7,
    /** Days from the offer or proposal to its answer (exponential mean). */
    answerAfterDays: 1.5,
    /** Share of the turning points that are the mentor's offer rather than the member's proposal. */
    fromMentor: 0.6,
    /** Of refused offers and proposals, the share declined by the other side (the rest withdrawn). */
    refusedDeclined: 0.7,
    /** A grown connection that does not become a mentorship keeps talking for this many weeks (exponential mean). */
    talksOnWeeks: 6,
    /** Share of grown connections with another mentor rather than a member. */
    withMentor: 0.15,
    /** How long before the growth the mentee of a grown mentorship followed the mentor (exponential mean, days). */
    followedBeforeDays: 45,
  },

  mentorships: {
    /** A completed mentorship ends this many weeks around its planned length (uniform). */
    completesWithinWeeks: [-1, 3] as const,
    /** Why early ends happen (weights), as the app's end form offers them. */
    earlyEndReasons: { schedule: 35, mentee_inactive: 25, not_a_fit: 15, mentor_unavailable: 15, other: 10 } satisfies Partial<Record<EndReason, number>>,
    /** Probability that the mentor, not the mentee, is the one who ends it, by reason. */
    endedByMentor: { goals_met: 0.5, schedule: 0.5, mentee_inactive: 0.9, not_a_fit: 0.5, mentor_unavailable: 0.9, other: 0.5 } satisfies Record<EndReason, number>,
    /** Share of mentees who are themselves mentors (mentors have mentors too). */
    menteeIsMentor: 0.1,
    /** Nobody is mentored by more than this many people at once. */
    maxActivePerMentee: 2,
    /** Share of ask-origin mentees who follow their mentor some time after the start. */
    followAfterAsk: 0.5,
  },

  ratings: {
    /**
     * Probability the other side rates it afterwards. Whoever ends a mentorship rates it as they
     * end it: the app's end form requires a rating.
     */
    otherSideRates: { mentor: 0.55, mentee: 0.65 },
    /** Days after the end the other side rates (exponential mean); not after now. */
    otherSideAfterDays: 3,
  },

  threads: {
    /** Probability the mentee writes the first message (then they take turns). */
    menteeFirst: 0.7,
    /** Probability that a goal is added, or ticked off, by the mentee rather than the mentor. */
    goalsByMentee: 0.7,
  },
} as const;
