import { START_PREFERENCES, type StartPreference } from '@/db/schema/mentorship';
import { isLanguageCode, languageName } from '@/lib/languages';
import { tagSlug } from '@/lib/tags';

export const DIRECTORY_SORTS = ['relevance', 'newest', 'followers'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export const DIRECTORY_PAGE_SIZE = 20;
const MAX_QUERY_LENGTH = 200;
const MAX_TAG_FILTERS = 10;

export type DirectoryQuery = {
  q: string;
  tags: string[];
  accepting: boolean;
  prefers?: StartPreference;
  lang?: string;
  sort: DirectorySort;
  page: number;
};

type RawParams = Record<string, string | string[] | undefined>;

const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const first = (v: string | string[] | undefined) => all(v)[0];

/**
 * Reads the directory's URL. It never fails: a malformed value is dropped and explained in
 * `notices`, so a shared or hand-edited link still shows results.
 */
export function parseDirectoryQuery(params: RawParams): { query: DirectoryQuery; notices: string[] } {
  const notices: string[] = [];

  let q = (first(params.q) ?? '').normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim();
  if ([...q].length > MAX_QUERY_LENGTH) {
    q = [...q].slice(0, MAX_QUERY_LENGTH).join('');
    notices.push(`The search was shortened to its first ${MAX_QUERY_LENGTH} characters.`);
  }

  const tags = [...new Set(all(params.tag).map(tagSlug).filter(Boolean))];
  if (tags.length > MAX_TAG_FILTERS) notices.push(`Only the first ${MAX_TAG_FILTERS} tags are used.`);

  const acceptingRaw = first(params.accepting);
  const accepting = acceptingRaw === '1' || acceptingRaw === 'on' || acceptingRaw === 'true';

  const prefersRaw = first(params.prefers);
  let prefers: StartPreference | undefined;
  if (prefersRaw) {
    if ((START_PREFERENCES as readonly string[]).includes(prefersRaw)) prefers = prefersRaw as StartPreference;
    else notices.push('Unknown start preference ignored; use ask, grow or either.');
  }

  const langRaw = first(params.lang)?.toLowerCase();
  let lang: string | undefined;
  if (langRaw) {
    if (isLanguageCode(langRaw)) lang = langRaw;
    else notices.push(`Unknown language “${langRaw.slice(0, 20)}” ignored.`);
  }

  const sortRaw = first(params.sort);
  let sort: DirectorySort = 'relevance';
  if (sortRaw) {
    if ((DIRECTORY_SORTS as readonly string[]).includes(sortRaw)) sort = sortRaw as DirectorySort;
    else notices.push('Unknown sort ignored; showing the most relevant first.');
  }

  const pageRaw = first(params.page);
  let page = 1;
  if (pageRaw !== undefined) {
    const n = Number(pageRaw);
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) page = n;
    else notices.push('That page number is not valid; showing the first page.');
  }

  return { query: { q, tags: tags.slice(0, MAX_TAG_FILTERS), accepting, prefers, lang, sort, page }, notices };
}

/** The URL for a directory query; only non-default values appear, in a stable order. */
export function directoryHref(query: Partial<DirectoryQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const tag of query.tags ?? []) params.append('tag', tag);
  if (query.accepting) params.set('accepting', '1');
  if (query.prefers) params.set('prefers', query.prefers);
  if (query.lang) params.set('lang', query.lang);
  if (query.sort && query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/mentors?${search}` : '/mentors';
}

/** Human words for the active filters, for the result summary and the empty state. */
export function describeFilters(query: DirectoryQuery, tagNames: Map<string, string>) {
  const parts: { label: string; without: Partial<DirectoryQuery> }[] = [];
  for (const tag of query.tags) {
    parts.push({ label: tagNames.get(tag) ?? tag, without: { ...query, tags: query.tags.filter((t) => t !== tag), page: 1 } });
  }
  if (query.accepting) parts.push({ label: 'has open slots', without: { ...query, accepting: false, page: 1 } });
  if (query.prefers) parts.push({ label: `prefers ${query.prefers}`, without: { ...query, prefers: undefined, page: 1 } });
  if (query.lang) parts.push({ label: languageName(query.lang), without: { ...query, lang: undefined, page: 1 } });
  return parts;
}
