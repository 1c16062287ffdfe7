// The query plans behind the key pages on the large data set: every statement the pages' loaders
// send (db/testing/page-loads.ts), captured as drizzle sends it and run again under
// EXPLAIN (ANALYZE, BUFFERS). Written to bench/results/plans-postgres.txt; a sequential scan of
// a big table is called out, since at this size it is what makes a page slow.
import { writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { fromPostgres, onQuery, setDatabase } from '@/db';
import { LARGE_FIXTURES } from '@/db/seed/large';
import { PAGE_LOADS, type PageWorld } from '@/db/testing/page-loads';

const BIG_TABLES = ['users', 'posts', 'comments', 'reactions', 'follows', 'mentor_profiles', 'mentorships', 'mentorship_requests', 'events'];

export type PlanSummary = { page: string; statements: number; ms: number; seqScans: string[] };

export async function explainPages(url: string, file: string): Promise<PlanSummary[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [fixture] = await sql<{ authorId: string; readerId: string; postId: string }[]>`
    select a.id as "authorId", r.id as "readerId", p.id as "postId"
    from users a, users r, posts p
    where a.handle = ${LARGE_FIXTURES.mentor.handle} and r.handle = ${LARGE_FIXTURES.reader.handle} and p.slug = ${LARGE_FIXTURES.longThread.slug}`;
  if (!fixture) throw new Error('the data set lacks the benchmark fixtures');
  const world: PageWorld = {
    author: { id: fixture.authorId, handle: LARGE_FIXTURES.mentor.handle },
    reader: { id: fixture.readerId },
    post: { id: fixture.postId, slug: LARGE_FIXTURES.longThread.slug },
  };
  const database = fromPostgres(url, { max: 4 });
  setDatabase(database);
  const out: string[] = [`Plans of the key pages' statements, ${new Date().toISOString()}\n`];
  const summaries: PlanSummary[] = [];
  try {
    for (const [page, load] of Object.entries(PAGE_LOADS)) {
      await load(world); // warm caches, as a running server has them
      const seen: { query: string; params: unknown[] }[] = [];
      const stop = onQuery((query, params) => seen.push({ query, params }));
      try {
        await load(world);
      } finally {
        stop();
      }
      const summary: PlanSummary = { page, statements: seen.length, ms: 0, seqScans: [] };
      out.push(`\n${'='.repeat(100)}\n${page}: ${seen.length} statements\n`);
      for (const { query, params } of seen) {
        const rows = await sql.unsafe(`explain (analyze, buffers) ${query}`, params as postgres.ParameterOrJSON<never>[]);
        const plan = rows.map((r) => String(r['QUERY PLAN'])).join('\n');
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
        summary.ms += ms;
        for (const m of plan.matchAll(/Seq Scan on (\w+)/g)) if (BIG_TABLES.includes(m[1]!)) summary.seqScans.push(m[1]!);
        out.push(`\n-- ${query.replace(/\s+/g, ' ').slice(0, 400)}\n-- params: ${JSON.stringify(params).slice(0, 200)}\n${plan}\n`);
      }
      summary.ms = Math.round(summary.ms * 10) / 10;
      summaries.push(summary);
    }
  } finally {
    setDatabase(undefined);
    await database.close();
    await sql.end({ timeout: 5 });
  }
  writeFileSync(file, out.join(''));
  return summaries;
}
