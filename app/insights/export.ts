import 'server-only';
import { getInsights, isMentor } from '@/db/queries/insights';
import { figuresOf, parseWindow, type Figure, type InsightsData } from '@/lib/insights';
import { currentUser } from '@/lib/session';

type Export = { ok: true; scope: 'platform' | 'mine'; data: InsightsData; figures: Figure[] } | { ok: false; response: Response };

const refuse = (status: number, error: string) =>
  ({ ok: false, response: Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } }) }) as const;

/**
 * The figures an export asks for: the platform's (public) or, with `scope=mine`, the signed-in
 * mentor's own — the same cached computation the pages read, so the numbers agree.
 */
export async function figuresFor(request: Request): Promise<Export> {
  const params = new URL(request.url).searchParams;
  const window = parseWindow(params.get('window'));
  const scope = params.get('scope') ?? 'platform';
  if (scope !== 'platform' && scope !== 'mine') return refuse(400, 'scope must be "platform" or "mine".');
  if (scope === 'platform') {
    const data = await getInsights({ window });
    return { ok: true, scope, data, figures: figuresOf(data) };
  }
  const user = await currentUser();
  if (!user) return refuse(401, 'Sign in to download your own insights.');
  if (!(await isMentor(user.id))) return refuse(403, 'Only mentors have their own insights.');
  const data = await getInsights({ window, mentorId: user.id });
  return { ok: true, scope, data, figures: figuresOf(data) };
}

/** Public figures may be cached by a CDN for as long as the server caches them; a mentor's are private. */
export const cacheControl = (scope: 'platform' | 'mine') => (scope === 'platform' ? 'public, max-age=30' : 'private, no-store');
