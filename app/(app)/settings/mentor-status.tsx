'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import { mentorStatusAction } from './actions';

/** Pause/resume requests and retire/return, each one button. */
export function MentorStatus({ status, accepting }: { status: 'active' | 'retired'; accepting: boolean }) {
  const [state, action, pending] = useActionState(mentorStatusAction, initialResult);
  const buttons =
    status === 'retired'
      ? [{ change: 'return', label: 'List my mentor profile again', variant: 'primary' as const }]
      : [
          accepting
            ? { change: 'pause', label: 'Pause new requests', variant: 'secondary' as const }
            : { change: 'resume', label: 'Accept requests again', variant: 'primary' as const },
          { change: 'retire', label: 'Retire mentor profile', variant: 'danger' as const },
        ];
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {status === 'retired'
          ? 'Your mentor profile is retired: you are not listed and cannot be asked. Your mentorships and history stay.'
          : accepting
            ? 'You are listed and accepting requests.'
            : 'You are listed, but paused: no one can send you a new request.'}
      </p>
      <div className="flex flex-wrap gap-3">
        {buttons.map((b) => (
          <form key={b.change} action={action}>
            <input type="hidden" name="change" value={b.change} />
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
