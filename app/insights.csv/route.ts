import { toCsv } from '@/lib/insights';
import { cacheControl, figuresFor } from '../insights/export';

export async function GET(request: Request) {
  const result = await figuresFor(request);
  if (!result.ok) return result.response;
  const { scope, data, figures } = result;
  return new Response(toCsv(figures, { scope, window: data.window, computedAt: data.computedAt }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ask-or-grow-insights-${scope}-${data.window}.csv"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': cacheControl(scope),
    },
  });
}
