import type { Metadata } from 'next';
import Link from 'next/link';
import { unblockFromListAction } from '@/app/(app)/safety/actions';
import { Avatar } from '@/components/ui/avatar';
import { UnblockButton } from '@/components/block-control';
import { listBlocked } from '@/db/queries/blocks';
import { formatDate } from '@/lib/format';
import { requireUser } from '@/lib/session';
import { Toast } from '@/components/ui/toast';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Blocked members' };

export default async function BlockedMembersPage({ searchParams }: PageProps<'/settings/blocked'>) {
  const user = await requireUser('/settings/blocked');
  const [blocked, query] = await Promise.all([listBlocked(user.id), searchParams]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm font-medium text-stone-600 dark:text-stone-400">
          <Link href="/settings" className="hover:underline">
            Settings
          </Link>{' '}
          <span aria-hidden>›</span>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">Blocked members</h1>
      </div>
      {query.unblocked && <Toast>Unblocked. They can follow you, write to you and ask you for a mentorship again.</Toast>}
      <Card as="section" padding="lg" heading="Members you blocked" headingId="blocked-heading" headingClassName="sr-only" className="space-y-4">
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Nothing crosses between you and a member you blocked: no follows, mentorship requests or offers, comments on each
          other’s posts, replies, reactions or notifications. They are not told. To block someone, use “Block” on their profile.
        </p>
        {blocked.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-400">You have not blocked anyone.</p>
        ) : (
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {blocked.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3 py-3">
                <Avatar user={p} size={32} decorative />
                <div className="min-w-0 flex-1">
                  <Link href={`/u/${p.handle}`} className="font-semibold break-words hover:underline">
                    {p.displayName}
                  </Link>
                  <p className="text-sm text-stone-600 dark:text-stone-400">
                    Blocked <time dateTime={p.blockedAt.toISOString()}>{formatDate(p.blockedAt)}</time>
                  </p>
                </div>
                <UnblockButton memberId={p.id} memberName={p.displayName} action={unblockFromListAction} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
