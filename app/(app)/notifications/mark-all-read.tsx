'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import { markAllReadAction } from './actions';

export function MarkAllRead() {
  const [state, action, pending] = useActionState(markAllReadAction, initialResult);
  return (
    <form action={action} className="flex items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        Mark all read
      </Button>
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
    </form>
  );
}
