// The word lists and tables the demo community is made from; the logic lives in demo.ts.
import {
  de,
  en,
  en_AU,
  en_CA,
  en_GB,
  en_GH,
  en_IE,
  en_IN,
  en_NG,
  en_US,
  en_ZA,
  es,
  es_MX,
  fr,
  it,
  nl,
  pl,
  pt_BR,
  sv,
  tr,
  type LocaleDefinition,
} from '@faker-js/faker';
import type { StartPreference } from '@/db/schema';

export const TAGS = [
  ['typescript', 'TypeScript'],
  ['javascript', 'JavaScript'],
  ['react', 'React'],
  ['nextjs', 'Next.js'],
  ['frontend', 'Frontend'],
  ['backend', 'Backend'],
  ['system-design', 'System design'],
  ['distributed-systems', 'Distributed systems'],
  ['career-growth', 'Career growth'],
  ['career-switching', 'Career switching'],
  ['leadership', 'Leadership'],
  ['engineering-management', 'Engineering management'],
  ['product-management', 'Product management'],
  ['data-science', 'Data science'],
  ['machine-learning', 'Machine learning'],
  ['devops', 'DevOps'],
  ['kubernetes', 'Kubernetes'],
  ['cloud', 'Cloud'],
  ['aws', 'AWS'],
  ['observability', 'Observability'],
  ['security', 'Security'],
  ['ux-design', 'UX design'],
  ['ux-research', 'UX research'],
  ['accessibility', 'Accessibility'],
  ['web-performance', 'Web performance'],
  ['testing', 'Testing'],
  ['public-speaking', 'Public speaking'],
  ['writing', 'Writing'],
  ['open-source', 'Open source'],
  ['developer-relations', 'Developer relations'],
  ['rust', 'Rust'],
  ['go', 'Go'],
  ['python', 'Python'],
  ['java', 'Java'],
  ['postgres', 'PostgreSQL'],
  ['mobile', 'Mobile'],
  ['swift', 'Swift'],
  ['kotlin', 'Kotlin'],
  ['interviewing', 'Interviewing'],
  ['negotiation', 'Negotiation'],
  ['startups', 'Startups'],
  ['freelancing', 'Freelancing'],
] as const;

export type TagSlug = (typeof TAGS)[number][0];

/** Broad skills any kind of mentor may add on top of their specialism. */
export const GENERAL_TAGS: readonly TagSlug[] = ['career-growth', 'interviewing', 'career-switching', 'negotiation', 'leadership'];

export type Names = { locale: LocaleDefinition } | { first: readonly string[]; last: readonly string[] };

export type Place = {
  zone: string;
  country: string;
  cities: readonly string[];
  /** ISO 639-1 code of the main local language. */
  language: string;
  names: Names;
  weight: number;
};

// Faker's Japanese, Korean, Chinese and Ukrainian names are in their own scripts; handles must
// be ASCII, so those places use short romanized lists instead.
export const PLACES: readonly Place[] = [
  { zone: 'America/New_York', country: 'US', cities: ['New York', 'Boston', 'Philadelphia'], language: 'en', names: { locale: en_US }, weight: 8 },
  { zone: 'America/Los_Angeles', country: 'US', cities: ['San Francisco', 'Seattle', 'Los Angeles', 'Portland'], language: 'en', names: { locale: en_US }, weight: 7 },
  { zone: 'America/Chicago', country: 'US', cities: ['Chicago', 'Austin', 'Minneapolis'], language: 'en', names: { locale: en_US }, weight: 4 },
  { zone: 'America/Toronto', country: 'CA', cities: ['Toronto', 'Montreal', 'Ottawa'], language: 'en', names: { locale: en_CA }, weight: 3 },
  { zone: 'America/Mexico_City', country: 'MX', cities: ['Mexico City', 'Guadalajara'], language: 'es', names: { locale: es_MX }, weight: 3 },
  { zone: 'America/Bogota', country: 'CO', cities: ['Bogotá', 'Medellín'], language: 'es', names: { locale: es }, weight: 2 },
  { zone: 'America/Sao_Paulo', country: 'BR', cities: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba'], language: 'pt', names: { locale: pt_BR }, weight: 5 },
  { zone: 'Europe/London', country: 'GB', cities: ['London', 'Manchester', 'Edinburgh', 'Bristol'], language: 'en', names: { locale: en_GB }, weight: 6 },
  { zone: 'Europe/Dublin', country: 'IE', cities: ['Dublin', 'Cork'], language: 'en', names: { locale: en_IE }, weight: 2 },
  { zone: 'Europe/Berlin', country: 'DE', cities: ['Berlin', 'Hamburg', 'Munich', 'Cologne'], language: 'de', names: { locale: de }, weight: 6 },
  { zone: 'Europe/Paris', country: 'FR', cities: ['Paris', 'Lyon', 'Toulouse'], language: 'fr', names: { locale: fr }, weight: 4 },
  { zone: 'Europe/Madrid', country: 'ES', cities: ['Madrid', 'Barcelona', 'Valencia'], language: 'es', names: { locale: es }, weight: 3 },
  { zone: 'Europe/Amsterdam', country: 'NL', cities: ['Amsterdam', 'Rotterdam', 'Utrecht'], language: 'nl', names: { locale: nl }, weight: 3 },
  { zone: 'Europe/Stockholm', country: 'SE', cities: ['Stockholm', 'Gothenburg'], language: 'sv', names: { locale: sv }, weight: 2 },
  { zone: 'Europe/Warsaw', country: 'PL', cities: ['Warsaw', 'Kraków', 'Wrocław'], language: 'pl', names: { locale: pl }, weight: 3 },
  { zone: 'Europe/Rome', country: 'IT', cities: ['Milan', 'Rome', 'Turin'], language: 'it', names: { locale: it }, weight: 2 },
  { zone: 'Europe/Istanbul', country: 'TR', cities: ['Istanbul', 'Ankara', 'Izmir'], language: 'tr', names: { locale: tr }, weight: 2 },
  {
    zone: 'Europe/Kyiv',
    country: 'UA',
    cities: ['Kyiv', 'Lviv'],
    language: 'uk',
    names: {
      first: ['Oksana', 'Dmytro', 'Olena', 'Andrii', 'Iryna', 'Taras', 'Kateryna', 'Serhii', 'Yuliia', 'Bohdan'],
      last: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko', 'Koval', 'Oliinyk', 'Polishchuk'],
    },
    weight: 2,
  },
  { zone: 'Africa/Lagos', country: 'NG', cities: ['Lagos', 'Abuja'], language: 'en', names: { locale: en_NG }, weight: 4 },
  { zone: 'Africa/Accra', country: 'GH', cities: ['Accra', 'Kumasi'], language: 'en', names: { locale: en_GH }, weight: 2 },
  { zone: 'Africa/Johannesburg', country: 'ZA', cities: ['Johannesburg', 'Cape Town'], language: 'en', names: { locale: en_ZA }, weight: 2 },
  { zone: 'Asia/Kolkata', country: 'IN', cities: ['Bengaluru', 'Pune', 'Hyderabad', 'Delhi', 'Chennai'], language: 'hi', names: { locale: en_IN }, weight: 8 },
  {
    zone: 'Asia/Tokyo',
    country: 'JP',
    cities: ['Tokyo', 'Osaka'],
    language: 'ja',
    names: {
      first: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Kenji', 'Yuki', 'Takumi', 'Mei'],
      last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
    },
    weight: 3,
  },
  {
    zone: 'Asia/Seoul',
    country: 'KR',
    cities: ['Seoul', 'Busan'],
    language: 'ko',
    names: {
      first: ['Minjun', 'Seoyeon', 'Jiho', 'Hayoon', 'Doyun', 'Jiwoo', 'Seojun', 'Yuna', 'Hyunwoo', 'Soomin'],
      last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim'],
    },
    weight: 2,
  },
  {
    zone: 'Asia/Shanghai',
    country: 'CN',
    cities: ['Shanghai', 'Shenzhen', 'Beijing'],
    language: 'zh',
    names: {
      first: ['Wei', 'Fang', 'Jing', 'Lei', 'Xin', 'Hao', 'Yan', 'Jie', 'Ming', 'Lin'],
      last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'],
    },
    weight: 2,
  },
  { zone: 'Asia/Singapore', country: 'SG', cities: ['Singapore'], language: 'en', names: { locale: en }, weight: 2 },
  { zone: 'Australia/Sydney', country: 'AU', cities: ['Sydney'], language: 'en', names: { locale: en_AU }, weight: 3 },
];

/** Second (or third) languages people list besides English and their local one. */
export const EXTRA_LANGUAGES = ['es', 'de', 'fr', 'pt', 'hi', 'ar', 'zh', 'it', 'nl', 'pl', 'ja', 'ko', 'tr', 'uk', 'sv'];

export type Track = {
  area: string;
  /** Job title and the fewest years of experience that title is believable with. */
  titles: readonly (readonly [string, number])[];
  focus: readonly string[];
  tags: readonly TagSlug[];
  help: readonly string[];
  story: readonly string[];
  weight: number;
};

export const TRACKS: readonly Track[] = [
  {
    area: 'frontend development',
    titles: [['Senior frontend engineer', 4], ['Staff engineer', 9], ['Frontend architect', 10], ['Tech lead', 6]],
    focus: ['design systems', 'web performance', 'React at scale', 'accessible interfaces', 'frontend platforms'],
    tags: ['typescript', 'javascript', 'react', 'nextjs', 'frontend', 'accessibility', 'web-performance', 'testing'],
    help: [
      'structuring a large React codebase',
      'getting comfortable with TypeScript generics',
      'making a slow page fast',
      'building accessible components from the start',
      'reviewing your portfolio before you apply',
    ],
    story: [
      "Most of that time I've been building design systems and untangling large React codebases.",
      'I started out hand-writing CSS for agencies and slowly drifted toward the architecture side of the frontend.',
      'I care most about the parts users actually feel: load time, keyboard support and honest error states.',
    ],
    weight: 6,
  },
  {
    area: 'backend engineering',
    titles: [['Senior backend engineer', 4], ['Staff engineer', 9], ['Principal engineer', 12], ['Software engineer', 2]],
    focus: ['distributed systems', 'APIs and databases', 'payments infrastructure', 'event-driven systems', 'data-intensive services'],
    tags: ['go', 'python', 'java', 'rust', 'postgres', 'backend', 'system-design', 'distributed-systems', 'testing'],
    help: [
      'preparing for system design interviews',
      'designing a schema that survives its second year',
      'choosing between a queue and a cron job',
      'reading your first production incident report',
      'going from "it works" to "it scales"',
    ],
    story: [
      "I've built payment systems, search backends and far too many internal APIs.",
      "I learned most of what I know from outages, and I'd like to save you a few of those.",
      'These days I spend more time in design docs than in code, which turned out to be the interesting part.',
    ],
    weight: 6,
  },
  {
    area: 'infrastructure and operations',
    titles: [['Site reliability engineer', 4], ['Platform engineer', 4], ['DevOps lead', 7], ['Staff SRE', 10]],
    focus: ['platform engineering', 'observability', 'incident response', 'Kubernetes in production', 'cloud costs'],
    tags: ['devops', 'kubernetes', 'cloud', 'aws', 'observability', 'go', 'security', 'distributed-systems'],
    help: [
      'surviving your first on-call rotation',
      'making sense of Kubernetes',
      'writing alerts people do not ignore',
      'running blameless postmortems',
      'deciding which cloud certifications are worth it',
    ],
    story: [
      "I've been on call for systems that serve millions of requests a minute, and I still enjoy it most days.",
      'I moved from sysadmin work to platform teams as everything slowly turned into YAML.',
      "I'm a big believer in boring technology and good runbooks.",
    ],
    weight: 4,
  },
  {
    area: 'data and machine learning',
    titles: [['Data scientist', 3], ['Senior data scientist', 6], ['Machine learning engineer', 4], ['Head of data', 10]],
    focus: ['applied machine learning', 'experimentation', 'analytics engineering', 'recommendation systems', 'MLOps'],
    tags: ['python', 'data-science', 'machine-learning', 'postgres', 'cloud', 'writing'],
    help: [
      'moving from analyst to data scientist',
      'designing A/B tests that answer the question',
      'getting a model into production',
      'explaining results to people who do not read notebooks',
      'building a portfolio from real projects',
    ],
    story: [
      'I came to data from academia and had to unlearn a lot about perfect answers.',
      'Most of my work is deciding which question deserves a model and which just needs a good SQL query.',
      "I've shipped recommendation and forecasting systems and watched plenty of them fail quietly.",
    ],
    weight: 5,
  },
  {
    area: 'mobile development',
    titles: [['Senior iOS engineer', 5], ['Senior Android engineer', 5], ['Mobile tech lead', 7], ['Mobile engineer', 2]],
    focus: ['app architecture', 'cross-platform apps', 'mobile performance', 'offline-first apps', 'mobile accessibility'],
    tags: ['mobile', 'swift', 'kotlin', 'typescript', 'testing', 'ux-design', 'accessibility'],
    help: [
      'publishing your first app',
      'an architecture for apps that keep growing',
      'testing on real devices without losing your mind',
      'moving from web to mobile',
    ],
    story: [
      "I've shipped apps used on trains with no signal, which taught me more about state than any course.",
      'I started on the web and moved to mobile when our users did.',
      "I've worked on both platforms and still argue with myself about which one I prefer.",
    ],
    weight: 3,
  },
  {
    area: 'security',
    titles: [['Security engineer', 4], ['Application security lead', 8], ['Staff security engineer', 10]],
    focus: ['application security', 'cloud security', 'threat modelling', 'security for startups'],
    tags: ['security', 'cloud', 'aws', 'backend', 'devops', 'open-source'],
    help: [
      'getting into security from a development role',
      'threat modelling a feature before it ships',
      'reading a pentest report without panicking',
      'preparing for security interviews',
    ],
    story: [
      'I came to security through a bug bounty that paid for my first laptop.',
      'I spend my days helping developers ship safely rather than telling them no.',
      "I've run security for small startups and large banks; the problems are more alike than you'd think.",
    ],
    weight: 2,
  },
  {
    area: 'product management',
    titles: [['Product manager', 3], ['Senior product manager', 6], ['Group product manager', 9], ['Head of product', 11]],
    focus: ['B2B SaaS', 'developer tools', 'growth', 'platform products', 'zero-to-one products'],
    tags: ['product-management', 'startups', 'leadership', 'writing', 'ux-research', 'negotiation'],
    help: [
      'moving from engineering into product',
      'writing a one-page product brief',
      'saying no to stakeholders without burning bridges',
      'prioritising when everything is urgent',
    ],
    story: [
      'I was an engineer for a few years before I realised I cared more about which thing we built than how.',
      "I've launched products that flopped and one that didn't; I learned more from the flops.",
      'Most of my job is asking "why" one more time than is comfortable.',
    ],
    weight: 4,
  },
  {
    area: 'product design',
    titles: [['Product designer', 3], ['Senior product designer', 6], ['Design lead', 8], ['UX researcher', 3]],
    focus: ['design systems', 'user research', 'accessible design', 'onboarding flows'],
    tags: ['ux-design', 'ux-research', 'accessibility', 'frontend', 'public-speaking', 'writing'],
    help: [
      'building a portfolio that shows your process',
      'running your first usability study',
      'working well with engineers',
      'designing for accessibility from day one',
    ],
    story: [
      'I studied graphic design and found my way to software through a very bad intranet.',
      "I've led design on products with millions of users and on tiny internal tools, and I love both.",
      'Research is my favourite part: watching one real user beats a week of opinions.',
    ],
    weight: 3,
  },
  {
    area: 'engineering leadership',
    titles: [['Engineering manager', 6], ['Senior engineering manager', 9], ['Director of engineering', 12], ['VP of engineering', 15], ['CTO', 10]],
    focus: ['first-time managers', 'growing teams', 'hiring', 'remote teams', 'engineering culture'],
    tags: ['engineering-management', 'leadership', 'career-growth', 'interviewing', 'negotiation', 'startups', 'system-design'],
    help: [
      'your first ninety days as a manager',
      'deciding between the staff and the manager track',
      'running one-on-ones that are not status updates',
      'hiring your first engineers',
      'negotiating an offer',
    ],
    story: [
      'I became a manager by accident and spent the first year doing it badly.',
      "I've grown teams from three people to forty and learned that most problems are communication problems.",
      'I still write a little code, mostly so I remember what my team deals with every day.',
    ],
    weight: 5,
  },
  {
    area: 'developer relations',
    titles: [['Developer advocate', 4], ['Open source maintainer', 5], ['Staff developer advocate', 8], ['Independent consultant', 8]],
    focus: ['developer relations', 'open source communities', 'technical writing', 'conference speaking'],
    tags: ['developer-relations', 'public-speaking', 'writing', 'open-source', 'career-growth', 'freelancing'],
    help: [
      'giving your first conference talk',
      'making your first open source contribution',
      'writing blog posts people finish reading',
      'going freelance without going broke',
    ],
    story: [
      'I maintain a couple of open source libraries and have reviewed more first pull requests than I can count.',
      "I've spoken at conferences on four continents, and I was terrified before every single one.",
      'I got my first job because of a blog post, so I will always tell you to write things down.',
    ],
    weight: 2,
  },
];

/** Titles that describe working alone, so "at <company>" would read oddly. */
export const SOLO_TITLES = new Set(['Independent consultant', 'Open source maintainer']);

export const COMPANIES = [
  'Northwind', 'Brightline', 'Lumen Labs', 'Kestrel Systems', 'Fable Health', 'Orbital Freight', 'Tandem Pay',
  'Copperleaf', 'Quillworks', 'Harbor Analytics', 'Meridian Bank', 'Fieldnote', 'Parcelly', 'Solace Energy',
  'Bluefin Travel', 'Tessera', 'Juniper Learning', 'Atlas Maps', 'Driftwood Games', 'Nimbus Cloud',
];

export const MENTOR_CLOSINGS = [
  'I mentor because someone once did it for me, and it changed the direction of my career.',
  'Outside work I run, cook badly and read too much science fiction.',
  "I'm direct, I'll give you homework, and I'll celebrate when you ship.",
  'I answer messages within a couple of days; good questions make my week.',
  "Bring your real problems — the messy ones are usually the most useful to talk through.",
  'I learn as much from my mentees as they do from me, so expect questions back.',
];

export const START_NOTES: Record<StartPreference, readonly string[]> = {
  ask: [
    'Send me a request with what you want to work on — a clear goal makes it easy for me to say yes.',
    'I prefer a direct ask: tell me where you are, where you want to be, and how often you would like to meet.',
    "Don't wait to be noticed — I'd rather read a short, honest request than have you hover in the comments.",
    'Ask me directly. I keep a few slots open for people who know what they want help with.',
    'A formal request works best for me; I can plan my weeks around a clear cadence.',
    'If you think I can help, just ask, and mention one concrete problem you are stuck on.',
  ],
  grow: [
    "I'd rather we get to know each other in the comments first — follow along and reply to what I write.",
    'My best mentorships started as conversations, so join the discussion on my posts and let us see where it goes.',
    "I don't take cold requests; I like to know how someone thinks before committing to regular calls.",
    "Follow me, push back on my posts, share what you're building — the mentorship tends to follow from that.",
    "Let's talk in public for a while first; if we click, I'll be the one to suggest making it regular.",
    "I prefer relationships that grow: comment, ask questions under my posts, and we'll take it from there.",
  ],
  either: [
    'Either way works: send a request if you have a clear goal, or just start talking with me in the comments.',
    'Ask me directly or get to know me through my posts first — both have led to great mentorships for me.',
    'No strong preference; what matters to me is that you show up curious and follow through.',
    "If you know what you want, ask; if you're not sure yet, follow along and we'll figure it out together.",
    "I'm happy with a formal request or a slower start in the comments — pick whatever feels natural to you.",
    'Both paths are fine by me; I only ask that you tell me a bit about what you are working towards.',
  ],
};

export const MEMBER_ROLES = [
  'Junior frontend developer', 'Backend developer', 'Computer science student', 'Bootcamp graduate',
  'Self-taught developer', 'QA engineer', 'Data analyst', 'Product designer', 'Mobile developer',
  'Support engineer', 'Full-stack developer', 'New engineering manager', 'DevOps engineer',
  'Career switcher from teaching', 'Former accountant learning to code', 'Product manager', 'Technical writer',
  'Mid-level software engineer',
];

export const MEMBER_GOALS = [
  'Learning TypeScript one bug at a time.',
  'Trying to get better at system design.',
  'Working towards my first senior role.',
  'Looking for advice on moving into management.',
  'Figuring out how to break into data science.',
  'Building side projects on weekends.',
  'Preparing for interviews — wish me luck.',
  'Curious about open source but not sure where to start.',
  'Here to learn from people a few steps ahead of me.',
  'Writing about what I learn as I go.',
  'Trying to make sense of Kubernetes.',
  'Interested in accessibility and good UX.',
];

// The demo accounts are written by hand so the README and e2e tests can rely on them.
export const DEMO_MENTOR = {
  displayName: 'Maya Okafor',
  bio: 'Staff engineer in London. I write about TypeScript, frontend architecture and growing into senior roles.',
  place: 'Europe/London',
  headline: 'Staff engineer at Northwind · frontend platforms and TypeScript',
  profileBio: [
    "I'm a staff engineer at Northwind, where I lead the frontend platform team. I've spent twelve years building web apps, from agency sites to a design system used by forty teams.",
    'I can help with:\n\n- growing from mid-level to senior and staff\n- TypeScript and React architecture\n- system design interviews\n- writing design docs people actually read',
    'I mentor because someone once did it for me, and it changed the direction of my career.',
  ].join('\n\n'),
  yearsExperience: 12,
  languages: ['en', 'fr'],
  links: ['https://example.com/maya-okafor'],
  capacity: 5,
  accepting: true,
  startPreference: 'either' as StartPreference,
  startNote: 'Either way works: send a request if you have a clear goal, or just start talking with me in the comments.',
  tags: ['typescript', 'react', 'career-growth', 'system-design'] as TagSlug[],
  daysAgo: 350,
};
export const DEMO_MEMBERS = {
  demo_mentee: {
    displayName: 'Sam Rivera',
    bio: 'Junior frontend developer in Chicago. Learning TypeScript one bug at a time.',
    daysAgo: 300,
  },
  demo_member: { displayName: 'Jun Park', bio: 'Backend developer in Seoul. Here to learn from people a few steps ahead of me.', daysAgo: 200 },
} as const;

/** `mentorships.end_reason` of past mentorships that stopped before their goal was met. */
export const EARLY_END_REASONS = ['schedule', 'mentee_inactive', 'not_a_fit', 'mentor_unavailable'] as const;
