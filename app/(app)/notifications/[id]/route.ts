import { openNotification } from '@/db/queries/notifications';
import { describe } from '@/lib/notifications';
import { currentUser } from '@/lib/session';

/**
 * Following a notification: marks it read and goes to the thing itself. Only the recipient's
 * own notifications open; anyone else lands on the list.
 */
// A relative Location: the browser stays on the host it came from (and keeps its cookies there),
// whatever name the server was started under.
const goTo = (path: string) => new Response(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });

export async function GET(_request: Request, { params }: RouteContext<'/notifications/[id]'>) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return goTo(`/signin?callbackUrl=${encodeURIComponent('/notifications')}`);
  const opened = await openNotification(user.id, id);
  if (!opened) return goTo('/notifications');
  const { href } = describe({ kind: opened.kind, actorName: undefined, actorCount: opened.actorCount, data: opened.data as never });
  return goTo(href);
}
