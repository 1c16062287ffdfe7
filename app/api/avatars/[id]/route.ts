import { getAvatar } from '@/db/queries/users';
import { isUuid } from '@/lib/ids';


export async function GET(request: Request, { params }: RouteContext<'/api/avatars/[id]'>) {
  const { id } = await params;
  const avatar = isUuid(id) ? await getAvatar(id) : undefined;
  if (!avatar) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  // Versioned URLs (?v=<updated>) never change, so they can be cached for good.
  const versioned = new URL(request.url).searchParams.has('v');
  return new Response(new Uint8Array(avatar.bytes), {
    headers: {
      // The type was sniffed from the bytes at upload; the browser must not guess another.
      'Content-Type': avatar.mimeType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline; filename="avatar"',
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
    },
  });
}
