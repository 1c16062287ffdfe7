import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

export const metadata: Metadata = { title: 'Baseline', robots: { index: false } };

/**
 * `npm run bench`'s baseline: a dynamic page of the same build that renders one line of text
 * and reads nothing — what the framework (proxy, root layout, React rendering) can serve on
 * this machine. Every key page's throughput is reported as a share of it. Only there when the
 * server is started with BENCH_BASELINE=1, as the benchmark does.
 */
export default async function BaselinePage() {
  await connection();
  if (process.env.BENCH_BASELINE !== '1') notFound();
  return <p>Baseline: a dynamic page that renders one line of text.</p>;
}
