'use client';

import { useActionState } from 'react';
import { initialResult } from '@/lib/action-result';
import { toggleGoalAction } from '../actions';

/** One goal of the checklist: a button that looks like a checkbox and says what pressing it does. */
export function GoalToggle({ mentorshipId, goal, detail }: { mentorshipId: string; goal: { id: string; title: string; done: boolean }; detail?: string }) {
  const [state, action, pending] = useActionState(toggleGoalAction, initialResult);
  return (
    <form action={action}>
      <input type="hidden" name="mentorshipId" value={mentorshipId} />
      <input type="hidden" name="goalId" value={goal.id} />
      <input type="hidden" name="done" value={goal.done ? '0' : '1'} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Mark '${goal.title}' ${goal.done ? 'not done' : 'done'}`}
        className="group flex w-full items-start gap-3 rounded-lg px-2 py-1.5 text-left hover:bg-stone-100 disabled:opacity-60 dark:hover:bg-stone-800"
      >
        <span
          aria-hidden
          className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded border-2 ${
            goal.done ? 'border-grow-700 bg-grow-700 text-white' : 'border-stone-500 bg-white dark:border-stone-400 dark:bg-stone-900'
          }`}
        >
          {goal.done && (
            <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth={2.5}>
              <path d="M3 8.5l3 3 7-7" />
            </svg>
          )}
        </span>
        <span className="min-w-0 break-words">
          <span className={goal.done ? 'text-stone-600 line-through dark:text-stone-400' : ''}>{goal.title}</span>
          {detail && <span className="block text-sm text-stone-600 dark:text-stone-400">{detail}</span>}
        </span>
      </button>
      <div aria-live="polite" className="text-sm">
        {!state.ok && state.error ? <p className="px-2 font-medium text-red-700 dark:text-red-400">{state.error}</p> : null}
      </div>
    </form>
  );
}
