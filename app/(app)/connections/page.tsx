import type { Metadata } from 'next';
import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { ButtonLink } from '@/components/ui/button';
import { getOwnMentorProfile } from '@/db/queries/mentors';
import { listPendingOffers } from '@/db/queries/offers';
import { listConnections } from '@/db/queries/rapport';
import { describeRapport, GROWN_SCORE, HALF_LIFE_DAYS, MIN_EXCHANGES_EACH, MIN_WEEKS } from '@/lib/rapport';
import { requireUser } from '@/lib/session';
import { MakeOfferForm, OfferAnswer } from './offer-forms';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { cardClass } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Connections' };

export default async function ConnectionsPage() {
  const viewer = await requireUser('/connections');
  const [connections, offers, ownMentor] = await Promise.all([
    listConnections(viewer.id),
    listPendingOffers(viewer.id),
    getOwnMentorProfile(viewer.id),
  ]);
  const viewerIsMentor = ownMentor?.status === 'active';
  const pendingWith = new Set(offers.map((o) => o.partner.id));

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Connections</h1>
        <p className="max-w-3xl text-stone-700 dark:text-stone-300">
          The people you have been talking with, strongest first. A connection has <strong>grown</strong> when both of
          you have commented on, replied to or reacted to the other at least {MIN_EXCHANGES_EACH} times, across{' '}
          {MIN_WEEKS} or more weeks, and recently enough (older exchanges count half every {HALF_LIFE_DAYS} days; a
          grown connection scores {GROWN_SCORE} or more). Then the mentor can offer a mentorship, or you can propose one.
        </p>
      </header>

      {offers.length > 0 && (
        <section aria-labelledby="offers-heading" className="space-y-3">
          <h2 id="offers-heading" className="text-xl font-semibold">
            Waiting for an answer
          </h2>
          <ul className="space-y-3">
            {offers.map((o) => (
              <li key={o.id} className={cardClass('sm', 'space-y-2')}>
                <p>
                  {o.madeByViewer
                    ? `You ${o.kind === 'offer' ? 'offered' : 'proposed'} a mentorship to `
                    : o.kind === 'offer'
                      ? 'Offers to mentor you: '
                      : 'Proposes that you mentor them: '}
                  <Link href={`/u/${o.partner.handle}`} className="font-semibold underline">
                    {o.partner.displayName}
                  </Link>
                </p>
                {o.message && <p className="whitespace-pre-line text-stone-700 dark:text-stone-300">“{o.message}”</p>}
                <OfferAnswer offerId={o.id} madeByViewer={o.madeByViewer} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="connections-heading" className="space-y-3">
        <h2 id="connections-heading" className="text-xl font-semibold">
          Your connections
        </h2>
        {connections.length === 0 ? (
          <EmptyState
            title="No connections yet."
            action={
              <>
                <ButtonLink href="/feed" variant="grow">
                  Read the feed
                </ButtonLink>
                <ButtonLink href="/mentors" variant="secondary">
                  Find mentors
                </ButtonLink>
              </>
            }
          >
            Follow people, read what they write and join the discussion: connections grow from there.
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {connections.map((c) => {
              const canOffer = viewerIsMentor && !c.partner.isMentor;
              const canPropose = c.partner.isMentor;
              return (
                <li key={c.partner.id} className={cardClass('sm', 'flex flex-col gap-3 sm:flex-row sm:items-start')}>
                  <Avatar user={c.partner} size={44} decorative />
                  <div className="flex-1 space-y-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <Link href={`/u/${c.partner.handle}`} className="font-semibold hover:underline">
                        {c.partner.displayName}
                      </Link>
                      {c.partner.isMentor && <span className="text-xs text-stone-600 dark:text-stone-400">Mentor</span>}
                      {c.grown ? <Badge tone="grow">Grown</Badge> : <Badge>Growing</Badge>}
                    </p>
                    <p className="text-sm text-stone-700 dark:text-stone-300">
                      {describeRapport(c)} · you {c.fromMe}, them {c.fromThem} · score {c.score.toFixed(1)}
                    </p>
                    {c.grown && !pendingWith.has(c.partner.id) && (canOffer || canPropose) && (
                      <MakeOfferForm kind={canOffer ? 'offer' : 'proposal'} partnerId={c.partner.id} partnerName={c.partner.displayName} />
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
