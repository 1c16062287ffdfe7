import { headline } from '@/lib/insights';
import { cacheControl, figuresFor } from '../../insights/export';

/** Every figure with its interval, n and status — the numbers /insights shows — and the headline. */
export async function GET(request: Request) {
  const result = await figuresFor(request);
  if (!result.ok) return result.response;
  const { scope, data, figures } = result;
  return Response.json(
    {
      scope,
      window: data.window,
      computedAt: data.computedAt,
      headline: headline(figures).sentence,
      figures,
    },
    { headers: { 'Cache-Control': cacheControl(scope) } },
  );
}
