'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus, TextAreaField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import { initialResult } from '@/lib/action-result';
import { acceptRequestAction, declineRequestAction, withdrawRequestAction } from './actions';

export function AcceptForm({ requestId, menteeName }: { requestId: string; menteeName: string }) {
  const [state, action, pending] = useActionState(acceptRequestAction, initialResult);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <Button type="submit" variant="grow" disabled={pending}>
        {pending ? 'Accepting…' : 'Accept'}
        <span className="sr-only"> the request from {menteeName}</span>
      </Button>
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
    </form>
  );
}

export function DeclineForm({
  requestId,
  menteeName,
  reasons,
}: {
  requestId: string;
  menteeName: string;
  reasons: { value: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(declineRequestAction, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const values = (!state.ok && state.values) || {};
  const str = (key: string) => {
    const v = values[key];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  return (
    <details className="group rounded-lg border border-stone-300 dark:border-stone-700" open={(!state.ok && Boolean(state.error)) || undefined}>
      <summary className="cursor-pointer rounded-lg px-4 py-2 text-sm font-semibold hover:bg-stone-100 dark:hover:bg-stone-800">
        Decline<span className="sr-only"> the request from {menteeName}</span>…
      </summary>
      <form action={action} noValidate className="space-y-4 p-4 pt-2" key={JSON.stringify(values)}>
        <input type="hidden" name="requestId" value={requestId} />
        <SelectField
          label="Reason"
          name="reason"
          id={`reason-${requestId}`}
          defaultValue={str('reason')}
          options={[{ value: '', label: 'Choose a reason' }, ...reasons]}
          hint={`${menteeName} sees the reason.`}
          errors={errors?.reason}
        />
        <TextAreaField
          label="A note to them (optional)"
          name="note"
          id={`note-${requestId}`}
          rows={3}
          maxLength={500}
          defaultValue={str('note')}
          hint="Up to 500 characters. A kind word or a pointer helps."
          errors={errors?.note}
        />
        <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? 'Declining…' : 'Decline request'}
        </Button>
      </form>
    </details>
  );
}

export function WithdrawForm({ requestId, mentorName }: { requestId: string; mentorName: string }) {
  const [state, action, pending] = useActionState(withdrawRequestAction, initialResult);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Withdrawing…' : 'Withdraw'}
        <span className="sr-only"> the request to {mentorName}</span>
      </Button>
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
    </form>
  );
}
