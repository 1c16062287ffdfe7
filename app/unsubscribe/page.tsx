import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { readUnsubscribeLink } from '@/db/queries/mail';
import { unsubscribeAction } from './actions';

export const metadata: Metadata = {
  title: 'Stop e-mails',
  robots: { index: false, follow: false },
  // The token in the address must not travel to other sites in a Referer header.
  referrer: 'no-referrer',
};

/**
 * Where the link at the foot of every mail leads. Opening it changes nothing (mail scanners
 * open links); the button does. Works signed out: the signed token names the member.
 */
export default async function UnsubscribePage({ searchParams }: PageProps<'/unsubscribe'>) {
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : undefined;
  const link = await readUnsubscribeLink(token);
  const settings = (
    <Link href="/settings#notifications-heading" className="text-ask-700 underline dark:text-ask-50">
      your notification settings
    </Link>
  );

  if (!link.ok) {
    return (
      <div className="mx-auto max-w-lg space-y-4 py-8">
        <h1 className="text-2xl font-bold tracking-tight">This link does not work</h1>
        <p className="text-stone-700 dark:text-stone-300">
          The unsubscribe link is incomplete or has been changed. Copy the whole link from the e-mail, or sign in and choose what you hear
          about in {settings}.
        </p>
      </div>
    );
  }

  if (query.done === '1' || !link.emailed) {
    return (
      <div className="mx-auto max-w-lg space-y-4 py-8">
        <h1 className="text-2xl font-bold tracking-tight">You will no longer get these e-mails</h1>
        <p className="text-stone-700 dark:text-stone-300" role="status">
          E-mails for “{link.about}” are off. You will still see these in your notifications on Ask or Grow. To change this, or to stop
          other e-mails, go to {settings}.
        </p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-lg space-y-4 py-8">
      <h1 className="text-2xl font-bold tracking-tight">Stop e-mails about “{link.about}”?</h1>
      <p className="text-stone-700 dark:text-stone-300">
        You will still see these in your notifications on Ask or Grow. You can turn the e-mails back on at any time in {settings}.
      </p>
      <form action={unsubscribeAction}>
        <input type="hidden" name="token" value={token} />
        <Button type="submit">Stop these e-mails</Button>
      </form>
    </div>
  );
}
