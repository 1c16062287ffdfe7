'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { initialResult } from '@/lib/action-result';
import { answerOfferAction, makeOfferAction } from './actions';

/** "Offer mentorship" (a mentor) or "Propose a mentorship" (to a mentor), with an optional note. */
export function MakeOfferForm({ kind, partnerId, partnerName }: { kind: 'offer' | 'proposal'; partnerId: string; partnerName: string }) {
  const [state, action, pending] = useActionState(makeOfferAction, initialResult);
  const label = kind === 'offer' ? `Offer ${partnerName} a mentorship` : `Propose a mentorship to ${partnerName}`;
  if (state.ok) return <FormStatus ok message={state.message} />;
  return (
    <details className="rounded-lg border border-grow-600/30 bg-grow-50 p-3 text-grow-700">
      <summary className="cursor-pointer font-semibold">{label}</summary>
      <form action={action} className="mt-3 space-y-3 text-stone-900">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="partnerId" value={partnerId} />
        {/* Several of these forms share a page: the id is per partner, the field name is not. */}
        <label htmlFor={`message-${partnerId}`} className="block text-sm font-medium">
          A note (optional)
        </label>
        <Textarea id={`message-${partnerId}`} name="message" rows={3} maxLength={1000} />
        <FormStatus message={state.error} />
        <Button type="submit" variant="grow" disabled={pending}>
          {kind === 'offer' ? 'Send offer' : 'Send proposal'}
        </Button>
      </form>
    </details>
  );
}

export function OfferAnswer({ offerId, madeByViewer }: { offerId: string; madeByViewer: boolean }) {
  const [state, action, pending] = useActionState(answerOfferAction, initialResult);
  const buttons = madeByViewer
    ? [{ answer: 'withdraw', label: 'Withdraw', variant: 'secondary' as const }]
    : [
        { answer: 'accept', label: 'Accept and start the mentorship', variant: 'grow' as const },
        { answer: 'decline', label: 'Decline', variant: 'secondary' as const },
      ];
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {buttons.map((b) => (
          <form key={b.answer} action={action}>
            <input type="hidden" name="offerId" value={offerId} />
            <input type="hidden" name="answer" value={b.answer} />
            <Button type="submit" variant={b.variant} disabled={pending}>
              {b.label}
            </Button>
          </form>
        ))}
      </div>
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
    </div>
  );
}
