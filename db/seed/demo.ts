import {
  Faker,
  base,
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
import type { Db } from '@/db';
import { avatars, mentorProfiles, mentorTags, oauthAccounts, tags, users } from '@/db/schema';
import type { NewUser, StartPreference } from '@/db/schema';
import { hashPassword } from '@/lib/password';

export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_ACCOUNTS = [
  { role: 'mentor', handle: 'demo_mentor', email: 'mentor@example.com' },
  { role: 'mentee', handle: 'demo_mentee', email: 'mentee@example.com' },
  { role: 'member', handle: 'demo_member', email: 'member@example.com' },
] as const;

const DEFAULT_SEED = 2026;
const MENTOR_COUNT = 40;
const MEMBER_COUNT = 120;
const DAY_MS = 24 * 60 * 60 * 1000;

type SeedOptions = {
  seed?: number;
  onProgress?: (msg: string) => void;
  /** "Now" for the spread of sign-up dates; fix it to make the timestamps repeatable too. */
  now?: Date;
};

// ---------------------------------------------------------------------------------------------
// Reference data

const TAGS = [
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

type TagSlug = (typeof TAGS)[number][0];

/** Broad skills any kind of mentor may add on top of their specialism. */
const GENERAL_TAGS: readonly TagSlug[] = ['career-growth', 'interviewing', 'career-switching', 'negotiation', 'leadership'];

type Names = { locale: LocaleDefinition } | { first: readonly string[]; last: readonly string[] };

type Place = {
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
const PLACES: readonly Place[] = [
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
const EXTRA_LANGUAGES = ['es', 'de', 'fr', 'pt', 'hi', 'ar', 'zh', 'it', 'nl', 'pl', 'ja', 'ko', 'tr', 'uk', 'sv'];

type Track = {
  area: string;
  /** Job title and the fewest years of experience that title is believable with. */
  titles: readonly (readonly [string, number])[];
  focus: readonly string[];
  tags: readonly TagSlug[];
  help: readonly string[];
  story: readonly string[];
  weight: number;
};

const TRACKS: readonly Track[] = [
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
const SOLO_TITLES = new Set(['Independent consultant', 'Open source maintainer']);

const COMPANIES = [
  'Northwind', 'Brightline', 'Lumen Labs', 'Kestrel Systems', 'Fable Health', 'Orbital Freight', 'Tandem Pay',
  'Copperleaf', 'Quillworks', 'Harbor Analytics', 'Meridian Bank', 'Fieldnote', 'Parcelly', 'Solace Energy',
  'Bluefin Travel', 'Tessera', 'Juniper Learning', 'Atlas Maps', 'Driftwood Games', 'Nimbus Cloud',
];

const MENTOR_CLOSINGS = [
  'I mentor because someone once did it for me, and it changed the direction of my career.',
  'Outside work I run, cook badly and read too much science fiction.',
  "I'm direct, I'll give you homework, and I'll celebrate when you ship.",
  'I answer messages within a couple of days; good questions make my week.',
  "Bring your real problems — the messy ones are usually the most useful to talk through.",
  'I learn as much from my mentees as they do from me, so expect questions back.',
];

const START_NOTES: Record<StartPreference, readonly string[]> = {
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

const MEMBER_ROLES = [
  'Junior frontend developer', 'Backend developer', 'Computer science student', 'Bootcamp graduate',
  'Self-taught developer', 'QA engineer', 'Data analyst', 'Product designer', 'Mobile developer',
  'Support engineer', 'Full-stack developer', 'New engineering manager', 'DevOps engineer',
  'Career switcher from teaching', 'Former accountant learning to code', 'Product manager', 'Technical writer',
  'Mid-level software engineer',
];

const MEMBER_GOALS = [
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
const DEMO_MENTOR = {
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
const DEMO_MEMBERS = {
  demo_mentee: {
    displayName: 'Sam Rivera',
    bio: 'Junior frontend developer in Chicago. Learning TypeScript one bug at a time.',
    daysAgo: 300,
  },
  demo_member: { displayName: 'Jun Park', bio: 'Backend developer in Seoul. Here to learn from people a few steps ahead of me.', daysAgo: 200 },
} as const;

// ---------------------------------------------------------------------------------------------
// Generation (pure: everything is decided before the database is touched)

type GeneratedUser = Omit<NewUser, 'id'> & { handle: string };
type GeneratedMentor = {
  handle: string;
  profile: Omit<typeof mentorProfiles.$inferInsert, 'userId'>;
  tags: TagSlug[];
};

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

function generate(seed: number, now: Date) {
  const faker = new Faker({ locale: [en, base], seed });
  // Names come from the person's own locale; each locale gets its own instance, seeded from the
  // main seed so the names repeat too.
  const nameFakers = new Map<LocaleDefinition, Faker>();
  const nameFaker = (locale: LocaleDefinition) => {
    let instance = nameFakers.get(locale);
    if (!instance) {
      instance = new Faker({ locale: [locale, en, base], seed: seed + nameFakers.size + 1 });
      nameFakers.set(locale, instance);
    }
    return instance;
  };

  const pickPlace = () => faker.helpers.weightedArrayElement(PLACES.map((p) => ({ weight: p.weight, value: p })));

  const personName = (place: Place) => {
    if ('first' in place.names) {
      return { first: faker.helpers.arrayElement(place.names.first), last: faker.helpers.arrayElement(place.names.last) };
    }
    const f = nameFaker(place.names.locale);
    return { first: f.person.firstName(), last: f.person.lastName() };
  };

  // The demo handles and the local parts of their e-mails are reserved so no generated
  // `<handle>@example.com` can collide with them.
  const taken = new Set<string>([...DEMO_ACCOUNTS.map((a) => a.handle), 'mentor', 'mentee', 'member']);
  const uniqueHandle = (first: string, last: string) => {
    const f = handlePart(first) || 'member';
    const l = handlePart(last) || 'x';
    const stem = faker.helpers
      .arrayElement([
        `${f}${l}`,
        `${f}_${l}`,
        `${f[0]}${l}`,
        `${f}${faker.number.int({ min: 1, max: 99 })}`,
        `${f}_${l[0]}`,
        `${l}_${f}`,
      ])
      .slice(0, 26)
      .padEnd(3, '0');
    let handle = stem;
    for (let n = 2; taken.has(handle); n++) handle = `${stem}${n}`;
    taken.add(handle);
    return handle;
  };

  const pastDate = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS - faker.number.int({ min: 0, max: DAY_MS - 1 }));
  // Mentors lean towards the early months (the platform launched with them); members keep
  // joining, so their sign-ups lean towards recent months.
  const mentorSignup = () => pastDate(Math.floor(364 * Math.sqrt(faker.number.float({ min: 0, max: 1 }))));
  const memberSignup = () => pastDate(Math.floor(364 * (1 - Math.sqrt(faker.number.float({ min: 0, max: 1 })))));

  const languagesFor = (place: Place): string[] => {
    const languages = new Set<string>();
    if (place.language !== 'en') languages.add(place.language);
    if (place.language === 'en' || faker.datatype.boolean({ probability: 0.85 })) languages.add('en');
    if (faker.datatype.boolean({ probability: 0.25 })) languages.add(faker.helpers.arrayElement(EXTRA_LANGUAGES));
    return [...languages].slice(0, 3);
  };

  const usersOut: GeneratedUser[] = [];
  const mentorsOut: GeneratedMentor[] = [];

  const demoMentorCreatedAt = pastDate(DEMO_MENTOR.daysAgo);
  usersOut.push({
    handle: 'demo_mentor',
    email: 'mentor@example.com',
    displayName: DEMO_MENTOR.displayName,
    bio: DEMO_MENTOR.bio,
    createdAt: demoMentorCreatedAt,
    updatedAt: demoMentorCreatedAt,
  });
  const london = PLACES.find((p) => p.zone === DEMO_MENTOR.place)!;
  mentorsOut.push({
    handle: 'demo_mentor',
    tags: DEMO_MENTOR.tags,
    profile: {
      headline: DEMO_MENTOR.headline,
      bio: DEMO_MENTOR.profileBio,
      yearsExperience: DEMO_MENTOR.yearsExperience,
      languages: DEMO_MENTOR.languages,
      timezone: london.zone,
      country: london.country,
      links: DEMO_MENTOR.links,
      capacity: DEMO_MENTOR.capacity,
      accepting: DEMO_MENTOR.accepting,
      startPreference: DEMO_MENTOR.startPreference,
      startNote: DEMO_MENTOR.startNote,
      status: 'active',
      createdAt: demoMentorCreatedAt,
      updatedAt: demoMentorCreatedAt,
    },
  });

  // Fixed proportions, shuffled, rather than a coin per mentor: every seed gets the intended
  // mix (30/30/40 start preferences, 80% accepting), which the insights and tests rely on.
  const generatedMentors = MENTOR_COUNT - 1;
  const preferences = faker.helpers.shuffle<StartPreference>([
    ...Array<StartPreference>(12).fill('ask'),
    ...Array<StartPreference>(12).fill('grow'),
    ...Array<StartPreference>(generatedMentors - 24).fill('either'),
  ]);
  const accepting = faker.helpers.shuffle([
    ...Array<boolean>(Math.round(MENTOR_COUNT * 0.8) - 1).fill(true),
    ...Array<boolean>(MENTOR_COUNT - Math.round(MENTOR_COUNT * 0.8)).fill(false),
  ]);

  for (let i = 0; i < generatedMentors; i++) {
    const place = pickPlace();
    const { first, last } = personName(place);
    const handle = uniqueHandle(first, last);
    const track = faker.helpers.weightedArrayElement(TRACKS.map((t) => ({ weight: t.weight, value: t })));
    const [title, minYears] = faker.helpers.arrayElement(track.titles);
    const years = faker.number.int({ min: Math.max(2, minYears), max: Math.min(30, minYears + 12) });
    const focus = faker.helpers.arrayElement(track.focus);
    const company = faker.helpers.arrayElement(COMPANIES);
    const city = faker.helpers.arrayElement(place.cities);
    const solo = SOLO_TITLES.has(title) || faker.datatype.boolean({ probability: 0.1 });
    const preference = preferences[i]!;

    const mentorTagSlugs = faker.helpers.arrayElements(track.tags, { min: 2, max: 5 });
    if (faker.datatype.boolean({ probability: 0.45 })) {
      const extra = faker.helpers.arrayElement(GENERAL_TAGS.filter((t) => !mentorTagSlugs.includes(t)));
      mentorTagSlugs.push(extra);
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

    const createdAt = mentorSignup();
    const profileCreatedAt = new Date(Math.min(now.getTime(), createdAt.getTime() + faker.number.int({ min: 0, max: 3 }) * DAY_MS));
    usersOut.push({
      handle,
      email: `${handle}@example.com`,
      displayName: clamp(`${first} ${last}`, 60),
      bio: clamp(
        faker.helpers.arrayElement([
          `${title} in ${city}. Happy to talk about ${focus}.`,
          `${title}${solo ? '' : ` at ${company}`}. I write about ${focus} and careers in tech.`,
          `${years} years in ${track.area} and still learning. Based in ${city}.`,
        ]),
        280,
      ),
      createdAt,
      updatedAt: createdAt,
    });
    mentorsOut.push({
      handle,
      tags: mentorTagSlugs,
      profile: {
        headline: clamp(solo ? `${title} · ${focus}` : `${title} at ${company} · ${focus}`, 120),
        bio: paragraphs.join('\n\n'),
        yearsExperience: years,
        languages: languagesFor(place),
        timezone: place.zone,
        country: place.country,
        links,
        capacity: faker.number.int({ min: 1, max: 8 }),
        accepting: accepting[i]!,
        startPreference: preference,
        startNote: faker.helpers.arrayElement(START_NOTES[preference]),
        status: 'active',
        createdAt: profileCreatedAt,
        updatedAt: profileCreatedAt,
      },
    });
  }

  for (const handle of ['demo_mentee', 'demo_member'] as const) {
    const account = DEMO_ACCOUNTS.find((a) => a.handle === handle)!;
    const createdAt = pastDate(DEMO_MEMBERS[handle].daysAgo);
    usersOut.push({
      handle,
      email: account.email,
      displayName: DEMO_MEMBERS[handle].displayName,
      bio: DEMO_MEMBERS[handle].bio,
      createdAt,
      updatedAt: createdAt,
    });
  }
  for (let i = 0; i < MEMBER_COUNT - 2; i++) {
    const place = pickPlace();
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
    const createdAt = memberSignup();
    usersOut.push({
      handle,
      email: `${handle}@example.com`,
      displayName: clamp(`${first} ${last}`, 60),
      bio: clamp(bio, 280),
      createdAt,
      updatedAt: createdAt,
    });
  }

  return { users: usersOut, mentors: mentorsOut };
}

// ---------------------------------------------------------------------------------------------
// Database

/**
 * Replaces all members, mentor profiles and tags with a generated demo community. Repeatable:
 * the same seed gives the same people, profiles and tags (timestamps are relative to `now`).
 */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<{ users: number; mentors: number }> {
  const progress = options.onProgress ?? (() => {});
  const data = generate(options.seed ?? DEFAULT_SEED, options.now ?? new Date());

  // scrypt is slow on purpose; one hash shared by every demo account keeps seeding fast.
  progress('Hashing the demo password…');
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    progress('Clearing existing members, mentor profiles and tags…');
    await tx.delete(mentorTags);
    await tx.delete(mentorProfiles);
    await tx.delete(tags);
    await tx.delete(avatars);
    await tx.delete(oauthAccounts);
    await tx.delete(users);

    progress(`Creating ${data.users.length} members…`);
    const insertedUsers = await tx
      .insert(users)
      .values(data.users.map((u) => ({ ...u, passwordHash })))
      .returning({ id: users.id, handle: users.handle });
    const userIds = new Map(insertedUsers.map((u) => [u.handle, u.id]));

    progress(`Creating ${TAGS.length} tags…`);
    const insertedTags = await tx
      .insert(tags)
      .values(TAGS.map(([slug, name]) => ({ slug, name })))
      .returning({ id: tags.id, slug: tags.slug });
    const tagIds = new Map(insertedTags.map((t) => [t.slug, t.id]));

    progress(`Creating ${data.mentors.length} mentor profiles…`);
    await tx.insert(mentorProfiles).values(data.mentors.map((m) => ({ ...m.profile, userId: userIds.get(m.handle)! })));
    await tx.insert(mentorTags).values(
      data.mentors.flatMap((m) => m.tags.map((slug) => ({ userId: userIds.get(m.handle)!, tagId: tagIds.get(slug)! }))),
    );
  });

  progress('Demo data ready.');
  return { users: data.users.length, mentors: data.mentors.length };
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
