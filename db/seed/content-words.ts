// The words the demo's posts, comments, requests and offers are made from; the logic lives in
// content.ts and history.ts. Lead paragraphs stay free of markdown syntax on purpose: excerpts
// are computed from them (see content.ts), and plain text parses fastest.
import type { TagSlug } from './words';

export type CodeLanguage = 'ts' | 'py' | 'sql';

export type Area = {
  /** Subjects a post in this area is about, as they read inside a sentence. */
  topics: readonly string[];
  /** Paragraphs only this area would have. */
  paragraphs: readonly string[];
  /** Items for a short checklist. */
  list: readonly string[];
  /** Fenced code blocks a post may show; none for the non-technical areas. */
  code: readonly CodeLanguage[];
};

export const AREAS = {
  frontend: {
    topics: [
      'design systems', 'TypeScript generics', 'React state management', 'bundle size', 'accessible forms', 'component APIs',
      'CSS architecture', 'server components', 'frontend testing', 'performance budgets', 'keyboard navigation', 'error boundaries',
    ],
    paragraphs: [
      'Measure before you optimise. The **performance panel** will tell you more about a slow page in five minutes than an afternoon of guessing.',
      'Types are documentation that the compiler checks. When a type gets hard to write, that is often the design telling you something.',
      'Try your page with the keyboard only, then with a screen reader for ten minutes. It is humbling, and it changes how you build forms.',
      'A component library is a product with users of its own. Treat the people who use it like customers and ask them what hurts.',
    ],
    list: [
      'Every interactive element works with a keyboard', 'Error states say what to do next', 'The page is usable before the scripts load',
      'Images have explicit sizes', 'Types describe the data you have, not the data you hope for', 'Loading states do not jump around',
    ],
    code: ['ts'],
  },
  backend: {
    topics: [
      'API design', 'database migrations', 'idempotent endpoints', 'queues and retries', 'Postgres indexes', 'caching',
      'rate limiting', 'schema design', 'background jobs', 'service boundaries', 'system design interviews', 'data consistency',
    ],
    paragraphs: [
      'Most outages I have been part of started with a retry loop nobody thought about. Put a limit on every retry, and add **jitter**.',
      'Design the schema for the questions you will ask in a year, not only for the screen you are building this week.',
      'A migration is a deploy like any other: it needs a plan for going back, and it should be boring to run on a Friday.',
      'Make every write idempotent if you can. The network will deliver the same request twice at the worst possible moment.',
    ],
    list: [
      'Every endpoint has a timeout', 'Retries are capped and spread out', 'The slow query log is actually read',
      'Migrations can run while the old code is still serving', 'Errors carry enough context to debug without a repro', 'There is one owner per table',
    ],
    code: ['ts', 'sql', 'py'],
  },
  infrastructure: {
    topics: [
      'on-call', 'Kubernetes upgrades', 'alerting', 'postmortems', 'cloud costs', 'infrastructure as code',
      'observability', 'incident response', 'deploy pipelines', 'secrets management', 'threat modelling', 'runbooks',
    ],
    paragraphs: [
      'An alert should be urgent, actionable and rare. If one fires every night and nobody acts on it, delete it today.',
      'Write the runbook while the incident is fresh. Future you, at three in the morning, will not remember the clever workaround.',
      'Blameless does not mean nobody learns anything. It means we look at the **system** that made the mistake easy.',
      'Cloud bills grow quietly. A monthly half hour with the cost report has saved my teams more than any clever optimisation.',
    ],
    list: [
      'Every alert links to a runbook', 'Dashboards show the user-facing symptoms first', 'Deploys can be rolled back in one step',
      'Secrets never live in the repository', 'Postmortems have owners and dates', 'On-call handovers are written down',
    ],
    code: ['py', 'ts'],
  },
  data: {
    topics: [
      'A/B testing', 'feature engineering', 'model monitoring', 'data pipelines', 'SQL for analysts', 'experiment design',
      'notebooks in production', 'forecasting', 'data quality', 'recommendation systems',
    ],
    paragraphs: [
      'Decide what would change your mind before you run the experiment. Otherwise every result looks like a win.',
      'The boring baseline is the most important model you will build. If you cannot beat it, nothing else matters.',
      'Most data quality problems are people problems: nobody owns the column, so nobody notices when it changes meaning.',
      'Show the uncertainty, not just the number. A chart with an interval starts a better conversation than a single bar.',
    ],
    list: [
      'The question is written down before the analysis starts', 'There is a baseline to beat', 'The sample size was decided in advance',
      'Someone owns every input table', 'Results come with an interval, not just a number', 'The notebook runs from top to bottom',
    ],
    code: ['py', 'sql'],
  },
  mobile: {
    topics: [
      'offline-first apps', 'app architecture', 'release trains', 'crash reporting', 'mobile accessibility', 'app store reviews',
      'cross-platform UI', 'battery and performance',
    ],
    paragraphs: [
      'Test on the cheapest phone your users own, on a slow network, on a train. The emulator on your laptop is lying to you.',
      'A release train takes the drama out of shipping. If you miss one, there is another next week, and nobody has to rush.',
      'Treat the network as a nice surprise. Apps that assume it is always there feel broken to half of their users.',
    ],
    list: [
      'The app opens without a network', 'Crash reports reach a person within a day', 'Text scales with the system setting',
      'Every release has a rollback plan', 'Screens are tested with a screen reader', 'The slowest supported device is on a desk somewhere',
    ],
    code: ['ts'],
  },
  career: {
    topics: [
      'the jump to senior', 'technical interviews', 'salary negotiation', 'career switching', 'brag documents', 'job searching',
      'freelancing', 'promotion packets', 'imposter syndrome', 'learning in public',
    ],
    paragraphs: [
      'Keep a running list of what you shipped and why it mattered. When review season comes, you will not have to remember.',
      'Seniority is less about knowing more and more about **reducing uncertainty** for the people around you.',
      'Practise saying your number out loud before the call. It feels silly, and it works.',
      'A career switch is a story you tell. Find the thread from what you did before to what you want to do next.',
    ],
    list: [
      'A list of what you shipped this year', 'Two people who will vouch for your work', 'A clear answer to "what do you want next?"',
      'A number you will not go below', 'One skill you are deliberately building', 'A short note after every interview',
    ],
    code: [],
  },
  leadership: {
    topics: [
      'one-on-ones', 'first-time management', 'hiring loops', 'team rituals', 'giving feedback', 'delegation',
      'the staff engineer path', 'remote teams', 'engineering strategy', 'startup hiring',
    ],
    paragraphs: [
      'A one-on-one belongs to the other person. If you are doing most of the talking, something has gone wrong.',
      'Feedback is a gift only when it is specific and timely. Vague praise a month later helps nobody grow.',
      'Delegating is not handing over tasks; it is handing over **decisions**, and living with the ones you would have made differently.',
      'Write the strategy down, even if it is one page. A strategy that lives only in your head is a mood.',
    ],
    list: [
      'Every report has a growth goal they chose', 'Decisions are written down with their reasons', 'Meetings have an agenda or get cancelled',
      'Feedback happens within a week', 'Hiring has a scorecard agreed in advance', 'The team knows what it is not doing',
    ],
    code: [],
  },
  product: {
    topics: [
      'product discovery', 'roadmaps', 'user interviews', 'prioritisation', 'usability testing', 'design critiques',
      'product briefs', 'metrics that matter', 'onboarding flows',
    ],
    paragraphs: [
      'Watch five people use the thing. You will find more problems in an hour than in a month of dashboards.',
      'A roadmap is a list of bets, not promises. Say which ones you are least sure about.',
      'Good critique is about the goal, not taste. Start every review by restating what the design is trying to do.',
      'The best product briefs fit on one page: the problem, who has it, how we will know we solved it, and what we are not doing.',
    ],
    list: [
      'The problem is stated without a solution in it', 'We know who has the problem', 'There is a measure of success',
      'The brief says what is out of scope', 'Five users have seen a prototype', 'Engineering was in the room early',
    ],
    code: [],
  },
  community: {
    topics: [
      'conference talks', 'technical writing', 'open source maintenance', 'first contributions', 'developer relations', 'blogging',
      'meetups', 'documentation',
    ],
    paragraphs: [
      'Write the talk as a story: a problem, a struggle, a change. Slides come last, and fewer of them than you think.',
      'Your first open source contribution does not have to be code. A clear bug report with a small repro is a gift to any maintainer.',
      'Documentation is a product. Read it the way a tired newcomer would, at the end of a long day.',
      'Publish the small post. Nobody reads the perfect draft that never leaves your notes.',
    ],
    list: [
      'One clear idea per talk', 'A repro in every bug report', 'The README says how to run it in one command',
      'A title that promises something specific', 'Examples before explanations', 'A thank-you to every first-time contributor',
    ],
    code: [],
  },
} as const satisfies Record<string, Area>;

export type AreaName = keyof typeof AREAS;

/** Which area a post with this tag as its first tag is about. */
export const TAG_AREAS: Record<TagSlug, AreaName> = {
  typescript: 'frontend',
  javascript: 'frontend',
  react: 'frontend',
  nextjs: 'frontend',
  frontend: 'frontend',
  accessibility: 'frontend',
  'web-performance': 'frontend',
  testing: 'backend',
  backend: 'backend',
  'system-design': 'backend',
  'distributed-systems': 'backend',
  go: 'backend',
  java: 'backend',
  rust: 'backend',
  postgres: 'backend',
  devops: 'infrastructure',
  kubernetes: 'infrastructure',
  cloud: 'infrastructure',
  aws: 'infrastructure',
  observability: 'infrastructure',
  security: 'infrastructure',
  'data-science': 'data',
  'machine-learning': 'data',
  python: 'data',
  mobile: 'mobile',
  swift: 'mobile',
  kotlin: 'mobile',
  'career-growth': 'career',
  'career-switching': 'career',
  interviewing: 'career',
  negotiation: 'career',
  freelancing: 'career',
  leadership: 'leadership',
  'engineering-management': 'leadership',
  startups: 'leadership',
  'product-management': 'product',
  'ux-design': 'product',
  'ux-research': 'product',
  'public-speaking': 'community',
  writing: 'community',
  'open-source': 'community',
  'developer-relations': 'community',
};

// Titles, leads and paragraphs: {topic} is replaced with the post's topic, {Topic} with it
// capitalised, {slug} with a URL-safe form of it.
export const TITLES = [
  'What I learned from a year of {topic}',
  'A practical guide to {topic}',
  '{Topic}: the parts nobody tells you about',
  'Five mistakes I made with {topic}',
  'How I would learn {topic} if I started today',
  'Notes on {topic}, two years in',
  'The case for boring {topic}',
  'Stop overthinking {topic}',
  '{Topic} without the hype',
  'A checklist for {topic}',
  'Questions to ask before you start on {topic}',
  'What mentoring taught me about {topic}',
  'Why {topic} is harder than it looks',
  'Getting {topic} right on a small team',
  'I was wrong about {topic}',
  'A gentle introduction to {topic}',
  '{Topic} in practice: a worked example',
  'The one thing I would tell you about {topic}',
];

export const LEAD_OPENERS = [
  '{Topic} is one of those subjects that looks simple from the outside and turns out to be full of small decisions.',
  'A few people asked me about {topic} after my last post, so here is the longer version of what I usually say.',
  'I spent most of last quarter thinking about {topic}, and I changed my mind about it more than once.',
  'Every team I have worked with had a different opinion about {topic}, and most of them were partly right.',
  'When I started out, nobody explained {topic} to me properly, so I learned it the slow way.',
  'This is the post I wish someone had sent me the first time I had to deal with {topic}.',
  'There is a lot of advice about {topic} online, and much of it assumes you work at a very large company.',
  'I have been mentoring a few people through {topic} lately, and the same questions keep coming up.',
];

export const LEAD_FOLLOWERS = [
  'What follows is not a complete guide, just the parts that made the biggest difference for me and the people I work with.',
  'I will try to keep it practical: what to do first, what to ignore for now, and where the sharp edges are.',
  'None of this is new, but putting it in one place has helped me explain it faster, so maybe it helps you too.',
  'If you only read one section, read the one about mistakes, because that is where most of the learning happened.',
  'It is written for people a few years into their careers, but I hope it is useful on either side of that.',
  'I would love to hear where you disagree, because I am still figuring some of this out myself.',
];

export const HEADINGS = [
  'Where to start', 'What actually worked', 'The mistakes', 'What I would do differently', 'A small example', 'The short version',
  'Going further', 'Why it matters',
];

export const PARAGRAPHS = [
  'The first thing I would do is write down what done looks like. With {topic} it is easy to keep polishing forever, and a clear finish line keeps you honest.',
  'Most of the problems I have seen with {topic} were not technical at all. They were about **expectations**: who decides, who is consulted, and who finds out last.',
  'Start smaller than feels comfortable. One well-understood example teaches more than a grand plan that nobody has time to finish.',
  'Write things down as you go. A short log of what you tried, and why it did not work, is the most valuable thing you will have in three months.',
  'Ask for review early, even when it feels unfinished. The earlier someone sees your work, the cheaper their feedback is to act on.',
  'I used to think {topic} was about knowing the right answer. These days I think it is mostly about asking the right question at the right time.',
  'Be suspicious of advice that does not mention trade-offs, including mine. Everything here costs something, and the cost is usually time.',
  'If you want a longer read, [this write-up](https://example.com/articles/{slug}) covers the same ground in more depth.',
  'A useful habit: after each attempt, spend ten minutes on a tiny retrospective. _What surprised me? What would I do again?_ Two questions are enough.',
  'The people who get good at {topic} fastest are rarely the most talented. They are the ones who get feedback most often.',
  'Do not underestimate how much context matters. What works for a team of five can hurt a team of fifty, and the reverse is just as true.',
  'I keep my notes on {topic} in a public repository; the [examples folder](https://example.com/notes/{slug}) is a good place to start.',
  'One more thing: it is fine to be slow at first. Everyone who is good at {topic} today was confused by it once, usually for longer than they admit.',
];

export const LIST_INTROS = ['A short checklist I use:', 'What I look for:', 'If you want something concrete, start here:', 'The habits that helped most:'];

export const CLOSINGS = [
  'That is it for now. If you have been through this too, tell me how it went in the comments.',
  'If any of this was useful, I am happy to go deeper on one part in a follow-up post.',
  'Thanks for reading, and thanks to the people in my mentorship calls whose questions shaped this post.',
  'As always, questions and disagreements are welcome below.',
  'I will update this post as I learn more. Corrections are very welcome.',
];

/** Fenced code blocks, without the fences. */
export const CODE: Record<CodeLanguage, readonly string[]> = {
  ts: [
    "type Result<T> =\n  | { ok: true; value: T }\n  | { ok: false; error: string };\n\nfunction parseAge(input: string): Result<number> {\n  const value = Number(input);\n  return Number.isInteger(value) && value >= 0\n    ? { ok: true, value }\n    : { ok: false, error: 'Not a valid age' };\n}",
    'async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {\n  for (let i = 1; ; i++) {\n    try {\n      return await fn();\n    } catch (error) {\n      if (i >= attempts) throw error;\n      await new Promise((r) => setTimeout(r, 2 ** i * 100 + Math.random() * 100));\n    }\n  }\n}',
    "export function useDebounced<T>(value: T, ms = 300): T {\n  const [debounced, setDebounced] = useState(value);\n  useEffect(() => {\n    const id = setTimeout(() => setDebounced(value), ms);\n    return () => clearTimeout(id);\n  }, [value, ms]);\n  return debounced;\n}",
    "const user = z.object({\n  handle: z.string().min(3).max(30),\n  email: z.string().email(),\n  tags: z.array(z.string()).max(10),\n});\n\ntype User = z.infer<typeof user>;",
    'function groupBy<T, K extends PropertyKey>(items: T[], key: (item: T) => K) {\n  const groups = {} as Record<K, T[]>;\n  for (const item of items) (groups[key(item)] ??= []).push(item);\n  return groups;\n}',
  ],
  py: [
    "import pandas as pd\n\nweekly = (\n    events.assign(week=events.created_at.dt.to_period('W'))\n    .groupby(['week', 'cohort'])\n    .size()\n    .unstack(fill_value=0)\n)",
    'def retry(times=3, delay=0.2):\n    def wrap(fn):\n        def inner(*args, **kwargs):\n            for attempt in range(times):\n                try:\n                    return fn(*args, **kwargs)\n                except Exception:\n                    if attempt == times - 1:\n                        raise\n                    time.sleep(delay * 2 ** attempt)\n        return inner\n    return wrap',
    'def test_discount_never_negative():\n    cart = Cart(items=[Item(price=5)])\n    cart.apply(Coupon(amount=10))\n    assert cart.total == 0',
    "from scipy import stats\n\nresult = stats.ttest_ind(control, variant, equal_var=False)\nprint(f'p = {result.pvalue:.3f}, lift = {variant.mean() / control.mean() - 1:.1%}')",
  ],
  sql: [
    "create index concurrently orders_customer_created_idx\n  on orders (customer_id, created_at desc);\n\nexplain analyze\nselect * from orders\nwhere customer_id = 42\norder by created_at desc\nlimit 20;",
    "select author_id,\n       count(*) as posts,\n       percentile_cont(0.5) within group (order by reading_minutes) as median_minutes\nfrom posts\nwhere published_at > now() - interval '90 days'\ngroup by author_id\norder by posts desc;",
    'select week, cohort, retained::float / started as share\nfrom (\n  select date_trunc(\'week\', started_at) as week, cohort,\n         count(*) as started,\n         count(*) filter (where ended_at is null) as retained\n  from mentorships\n  group by 1, 2\n) t\norder by week;',
    "update accounts\nset balance = balance - 100\nwhere id = 7 and balance >= 100\nreturning balance;",
  ],
};

// Comments: {topic} as above. Each kind has openings and optional second sentences.
export const COMMENT_OPENINGS = {
  question: [
    'How would you approach {topic} on a team that has never done it before?',
    'Great post. Where would you start if you only had a few hours a week?',
    'Did you ever try the opposite approach? I am curious what went wrong.',
    'What would you change if the team was fully remote?',
    'How do you convince a manager that this is worth the time?',
    'Do you have a favourite book or course on {topic}?',
    'How long did it take before this started to feel natural?',
  ],
  thanks: [
    'This is exactly what I needed this week, thank you.',
    'Saving this one. The part about writing things down is so true.',
    'Thanks for writing this up, it matches my experience almost exactly.',
    'Really clear explanation. I shared it with my team.',
    'I have read a lot about {topic} and this is the first post that made it click.',
  ],
  disagree: [
    'I mostly agree, but I think starting small does not work in every context.',
    'Respectfully, I think {topic} gets more credit here than it deserves. In my experience the process matters more.',
    'Interesting take. We tried something similar and it did not go well, mostly because nobody owned it.',
    'I would push back a little on the checklist. Some of those items are nice to have, not must haves.',
  ],
  experience: [
    'We went through the same thing last year. The hardest part was getting everyone to agree on what done meant.',
    'This reminds me of my first job, where {topic} was nobody\'s job and therefore everybody\'s problem.',
    'I tried this after your last post and it worked better than I expected.',
    'Same here. The mistakes section could have been written about my last team.',
  ],
} as const;
export type CommentKind = keyof typeof COMMENT_OPENINGS;

export const COMMENT_SECONDS = [
  'Would love a follow-up post on this.',
  'Thanks again for taking the time.',
  'Curious what others think.',
  'Either way, great read.',
  'I will report back once I have tried it.',
  'The examples helped a lot.',
];

/** What the post's author says back to a comment. */
export const AUTHOR_REPLIES = [
  'Good question! I would start with one small project and a clear goal, then build from there.',
  'Thanks, glad it helped.',
  'Fair point, context matters a lot here. What did you end up doing instead?',
  'I would start by asking your manager which problem they most want solved, and frame it around that.',
  'I did, and it was worse. Happy to write about that in a follow-up.',
  'That is a great example. Did the team keep doing it afterwards?',
  'Yes, it took me about six months before it felt natural, so be patient with yourself.',
  'Thanks for pushing back. I think we agree on the goal and differ on the order, which is fine.',
];

/** Further replies down a thread. */
export const FOLLOW_UPS = [
  'That makes sense, thanks. I will try it this week and report back.',
  'Follow-up question: how do you know when it is time to stop?',
  'This helps a lot. One more thing: do you write the notes for yourself or for the team?',
  'Agreed, and I would add that pairing helps a lot here.',
  'I see it differently, but I can see why that works for your team.',
  'Reporting back: it worked, and my manager noticed.',
  'Thank you, that is really generous advice.',
  'Ha, that is exactly what happened to us too.',
];

// The Ask path: requests, their goals, decline notes; the Grow path: offers and proposals.
export const REQUEST_OPENINGS = [
  'Hi! I have been reading your posts for a while and they have helped me a lot.',
  'Hello, I found your profile through the mentor directory and your background is very close to where I want to go.',
  'Hi, a colleague recommended you as someone who explains things clearly and honestly.',
  'Hello! I am at a point in my career where I could really use an outside view.',
];
export const REQUEST_MIDDLES = [
  'I am a few years in and feel stuck between doing good work and being recognised for it.',
  'I recently changed teams and the expectations are much higher than I am used to.',
  'I am preparing to switch roles this year and want to do it deliberately rather than by accident.',
  'I learn best with someone to check in with, and I am happy to do homework between calls.',
];
export const REQUEST_CLOSINGS = [
  'Would you be open to meeting regularly for a few months?',
  'I would be grateful for your help, and I promise to come prepared.',
  'Thank you for considering it, whatever you decide.',
  'If you do not have room right now, I completely understand.',
];
export const REQUEST_GOALS = [
  'Get promoted to senior within a year',
  'Prepare for system design interviews',
  'Ship a side project from start to finish',
  'Give better code reviews',
  'Build a portfolio for product design roles',
  'Move from QA into development',
  'Run my first incident postmortem',
  'Write and publish three blog posts',
  'Negotiate my next offer with confidence',
  'Lead a project across two teams',
  'Understand Kubernetes well enough to join on-call',
  'Get comfortable with TypeScript generics',
  'Make my first open source contribution',
  'Give a talk at a local meetup',
  'Plan a career switch into data science',
  'Learn to say no to low-priority work',
];

export const DECLINE_NOTES = {
  no_capacity: ['My slots are full for the next couple of months. Please ask again later.', 'I am at capacity right now, sorry.'],
  not_a_fit: ['I think someone with more experience in your area would help you more.', 'Your goals are a bit outside what I know well.'],
  prefer_to_grow: [
    'I would love to get to know you in the comments first. Reply to my posts and let us see where it goes.',
    'I only start mentorships with people I have talked with a bit. Come join the discussion under my posts.',
  ],
  other: ['I am about to go on leave, so the timing is wrong.', 'I am changing jobs soon and cannot commit right now.'],
} as const;

export const OFFER_MESSAGES = [
  'I have really enjoyed our conversations under my posts. Would you like to make it a regular thing?',
  'You ask great questions. If you are up for it, I would be happy to mentor you for a few months.',
  'We seem to keep ending up in the same threads. Want to turn this into a proper mentorship?',
];
export const PROPOSAL_MESSAGES = [
  'Your replies have helped me a lot. Would you be open to mentoring me for a few months?',
  'I have learned so much from our discussions. Could we make this a regular mentorship?',
  'Would you consider mentoring me? Our threads have been the most useful part of my week.',
];
