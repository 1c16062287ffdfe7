import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { MentorCard } from '@/components/mentor-card';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { Choice } from '@/components/ui/choice';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { popularTags, searchMentors, tagNames } from '@/db/queries/mentors';
import { plural } from '@/lib/format';
import { LANGUAGES } from '@/lib/languages';
import { describeFilters, directoryHref, parseDirectoryQuery, type DirectoryQuery } from '@/lib/validation/directory';
import { AutoSubmit } from './auto-submit';
import { alternatesFor } from '@/lib/site-metadata';
import { Tag } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = {
  title: 'Find a mentor',
  description: 'Search mentors by expertise, language and how they like mentorships to start: ask, or let it grow.',
  alternates: alternatesFor('/mentors'),
};

const SORTS = [
  { value: 'relevance', label: 'Most relevant' },
  { value: 'newest', label: 'Newest' },
  { value: 'followers', label: 'Most followed' },
];

function Pagination({ query, pageCount }: { query: DirectoryQuery; pageCount: number }) {
  if (pageCount <= 1) return null;
  const current = Math.min(query.page, pageCount);
  const pages = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  const link = 'rounded-lg px-3 py-1.5 text-sm hover:bg-stone-200 dark:hover:bg-stone-800';
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-center gap-1">
      {current > 1 && (
        <Link href={directoryHref({ ...query, page: current - 1 })} className={link} rel="prev">
          ← Previous
        </Link>
      )}
      {pages.map((p, i) => (
        <span key={p} className="flex items-center">
          {i > 0 && p - pages[i - 1]! > 1 && <span className="px-1 text-stone-500" aria-hidden>…</span>}
          <Link
            href={directoryHref({ ...query, page: p })}
            aria-current={p === current ? 'page' : undefined}
            aria-label={`Page ${p}`}
            className={`${link} ${p === current ? 'bg-ask-700 font-semibold text-white hover:bg-ask-700' : ''}`}
          >
            {p}
          </Link>
        </span>
      ))}
      {current < pageCount && (
        <Link href={directoryHref({ ...query, page: current + 1 })} className={link} rel="next">
          Next →
        </Link>
      )}
    </nav>
  );
}

export default async function MentorsPage({ searchParams }: PageProps<'/mentors'>) {
  const { query, notices } = parseDirectoryQuery(await searchParams);
  const [result, popular] = await Promise.all([searchMentors(query), popularTags()]);
  const names = await tagNames([...query.tags, ...result.mentors.flatMap((m) => m.tags)]);
  for (const t of popular) names.set(t.slug, t.name);
  const filterTags = [...new Set([...query.tags, ...popular.map((t) => t.slug)])];
  const active = describeFilters(query, names);
  const from = (query.page - 1) * 20 + 1;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Find a mentor</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Ask directly, or follow someone and let it grow. Each mentor says which they prefer.
        </p>
      </header>

      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        <Form action="/mentors" className="space-y-5" aria-label="Search and filter mentors">
          <AutoSubmit />
          <div className="space-y-1">
            <label htmlFor="q" className="block text-sm font-medium">
              Search
            </label>
            <Input id="q" name="q" type="search" defaultValue={query.q} placeholder="Name, skill or topic" />
          </div>
          <div className="space-y-1">
            <label htmlFor="sort" className="block text-sm font-medium">
              Sort by
            </label>
            <Select id="sort" name="sort" defaultValue={query.sort}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </Select>
          </div>
          <Choice type="checkbox" name="accepting" value="1" label="Has open slots now" defaultChecked={query.accepting} />
          <div className="space-y-1">
            <label htmlFor="prefers" className="block text-sm font-medium">
              How they like to start
            </label>
            <Select id="prefers" name="prefers" defaultValue={query.prefers ?? ''}>
              <option value="">Any</option>
              <option value="ask">Prefers to be asked</option>
              <option value="grow">Prefers to let it grow</option>
              <option value="either">Open to either</option>
            </Select>
          </div>
          <div className="space-y-1">
            <label htmlFor="lang" className="block text-sm font-medium">
              Language
            </label>
            <Select id="lang" name="lang" defaultValue={query.lang ?? ''}>
              <option value="">Any language</option>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </Select>
          </div>
          <details open={query.tags.length > 0} className="group">
            <summary className="cursor-pointer text-sm font-medium">Expertise{query.tags.length ? ` (${query.tags.length})` : ''}</summary>
            <fieldset className="mt-2 max-h-72 space-y-1 overflow-y-auto pr-1">
              <legend className="sr-only">Expertise: mentors must have every tag you tick</legend>
              {filterTags.map((slug) => (
                <Choice key={slug} type="checkbox" name="tag" value={slug} label={names.get(slug) ?? slug} defaultChecked={query.tags.includes(slug)} />
              ))}
            </fieldset>
          </details>
          <button type="submit" className={buttonClass('primary', 'w-full')}>
            Apply
          </button>
        </Form>

        <section aria-labelledby="results-heading" className="space-y-4">
          {notices.length > 0 && (
            <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
              <ul className="space-y-1">
                {notices.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-2">
            <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
              {plural(result.total, 'mentor')}
              {query.q ? ` for “${query.q}”` : ''}
              {result.total > 0 && result.pageCount > 1 && (
                <span className="ml-2 text-sm font-normal text-stone-600 dark:text-stone-400">
                  showing {from}–{from + result.mentors.length - 1}
                </span>
              )}
            </h2>
            {active.length > 0 && (
              <ul aria-label="Active filters" className="flex flex-wrap gap-2">
                {active.map((f) => (
                  <li key={f.label}>
                    <Tag tone="ask" size="sm" href={directoryHref(f.without)} aria-label={`Remove filter: ${f.label}`}>
                      {f.label} <span aria-hidden>×</span>
                    </Tag>
                  </li>
                ))}
              </ul>
            )}
          </div>

          {result.mentors.length === 0 ? (
            result.total > 0 ? (
              <EmptyState
                title="There are no mentors on this page."
                action={
                  <ButtonLink href={directoryHref({ ...query, page: 1 })} variant="secondary">
                    Back to the first page
                  </ButtonLink>
                }
              />
            ) : (
              <EmptyState
                title="No mentor matches all of that."
                action={
                  <>
                    {active.map((f) => (
                      <ButtonLink key={f.label} href={directoryHref(f.without)} variant="secondary">
                        Without “{f.label}”
                      </ButtonLink>
                    ))}
                    {query.q && (
                      <ButtonLink href={directoryHref({ ...query, q: '', page: 1 })} variant="secondary">
                        Without the search words
                      </ButtonLink>
                    )}
                    <ButtonLink href="/mentors">Show all mentors</ButtonLink>
                  </>
                }
              >
                Try fewer filters{query.q ? ', a shorter search,' : ''} or another spelling.
              </EmptyState>
            )
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {result.mentors.map((m) => (
                <li key={m.id}>
                  <MentorCard mentor={{ ...m, tags: m.tags.map((slug) => ({ slug, name: names.get(slug) ?? slug })) }} />
                </li>
              ))}
            </ul>
          )}
          <Pagination query={query} pageCount={result.pageCount} />
        </section>
      </div>
    </div>
  );
}
