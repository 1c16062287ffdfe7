'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/field';
import { initialResult, type ActionResult } from '@/lib/action-result';
import { BLOCK_EXPLANATION } from '@/lib/blocks';

type Action = (prev: ActionResult, formData: FormData) => Promise<ActionResult>;

const summaryClass =
  'cursor-pointer list-none rounded-md px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950 [&::-webkit-details-marker]:hidden';

/**
 * Block a member from their profile — behind a disclosure that says what it does, so the
 * confirmation needs no JavaScript — or, once blocked, unblock.
 */
export function BlockControl({ memberId, memberName, blocked, action }: { memberId: string; memberName: string; blocked: boolean; action: Action }) {
  const [state, dispatch, pending] = useActionState(action, initialResult);
  return (
    <div className="space-y-1 text-sm">
      {blocked ? (
        <form action={dispatch} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="memberId" value={memberId} />
          <input type="hidden" name="block" value="0" />
          <p>You blocked {memberName}.</p>
          <Button type="submit" variant="secondary" disabled={pending}>
            Unblock<span className="sr-only"> {memberName}</span>
          </Button>
        </form>
      ) : (
        <details open={(!state.ok && Boolean(state.error)) || undefined}>
          <summary className={summaryClass}>
            Block<span className="sr-only"> {memberName}</span>
          </summary>
          <div className="mt-2 max-w-md space-y-3 rounded-xl border border-red-700/30 bg-white p-4 text-stone-900 dark:border-red-400/30 dark:bg-stone-900 dark:text-stone-100">
            <p>{BLOCK_EXPLANATION}</p>
            <form action={dispatch}>
              <input type="hidden" name="memberId" value={memberId} />
              <input type="hidden" name="block" value="1" />
              <Button type="submit" variant="danger" disabled={pending}>
                Block {memberName}
              </Button>
            </form>
          </div>
        </details>
      )}
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
    </div>
  );
}

/** One row's "Unblock" in Settings → Blocked members. */
export function UnblockButton({ memberId, memberName, action }: { memberId: string; memberName: string; action: Action }) {
  const [state, dispatch, pending] = useActionState(action, initialResult);
  return (
    <form action={dispatch} className="space-y-1">
      <input type="hidden" name="memberId" value={memberId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Unblock<span className="sr-only"> {memberName}</span>
      </Button>
      <FormStatus ok={state.ok} message={state.ok ? undefined : state.error} />
    </form>
  );
}
