import { unsubscribe } from '@/db/queries/mail';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' };

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` to the
 * address in the List-Unsubscribe header. No sign-in, no page: the signed token is the proof.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? undefined;
  const result = await unsubscribe(token);
  if (!result.ok) return new Response('This unsubscribe link is not valid.\n', { status: 400, headers });
  return new Response(`Unsubscribed: you will no longer get e-mails for “${result.about}”.\n`, { status: 200, headers });
}

/** Opened in a browser, the one-click address shows the page with its button instead. */
export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get('token');
  // Relative, so the browser stays on the host it used (see app/(app)/notifications/[id]/route.ts).
  const location = token ? `/unsubscribe?token=${encodeURIComponent(token)}` : '/unsubscribe';
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}
