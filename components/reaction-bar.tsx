'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { REACTION_KINDS, type ReactionKind } from '@/lib/reactions';
import { initialResult, type ActionResult } from '@/lib/action-result';

export const REACTION_LABELS: Record<ReactionKind, { emoji: string; label: string }> = {
  like: { emoji: '👍', label: 'Like' },
  insightful: { emoji: '💡', label: 'Insightful' },
  thanks: { emoji: '🙏', label: 'Thanks' },
  celebrate: { emoji: '🎉', label: 'Celebrate' },
};

type Summary = { counts: Record<ReactionKind, number>; mine: ReactionKind[] };

const pill =
  'inline-flex min-h-9 items-center gap-1.5 rounded-full border px-3 py-1 text-sm tabular-nums transition-colors';
const pillCompact =
  'inline-flex min-h-8 min-w-8 items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm tabular-nums transition-colors';

/**
 * One toggle button per reaction kind, with its count. Each button submits what it will do
 * ("like:on" / "like:off"), so a double click or a resent form cannot flip it back, and it works
 * without JavaScript. Visitors see the counts and a way to sign in.
 */
export function ReactionBar({
  target,
  targetId,
  summary,
  action,
  signedIn,
  signInHref,
  label,
  inviteToSignIn = true,
  compact = false,
}: {
  target: 'post' | 'comment';
  targetId: string;
  summary: Summary;
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
  signedIn: boolean;
  signInHref: string;
  /** Names the group for screen readers, e.g. "Reactions to this post". */
  label: string;
  /** Off for comments, where a sign-in link under each one would be noise. */
  inviteToSignIn?: boolean;
  /** Emoji and count only (the name stays for screen readers and as a tooltip): for comments. */
  compact?: boolean;
}) {
  const [state, dispatch, pending] = useActionState(action, initialResult);
  if (!signedIn) {
    const total = REACTION_KINDS.reduce((sum, k) => sum + summary.counts[k], 0);
    if (!total && !inviteToSignIn) return null;
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={label}>
        {REACTION_KINDS.filter((k) => summary.counts[k] > 0).map((k) => (
          <span key={k} className={`${pill} border-stone-200 dark:border-stone-700`}>
            <span aria-hidden>{REACTION_LABELS[k].emoji}</span>
            <span className="sr-only">{REACTION_LABELS[k].label}:</span> {summary.counts[k]}
          </span>
        ))}
        {inviteToSignIn && (
          <Link href={signInHref} className="text-ask-700 underline dark:text-ask-50">
            {total ? 'Sign in to react' : 'Sign in to be the first to react'}
          </Link>
        )}
      </div>
    );
  }
  return (
    <form action={dispatch} className="flex flex-wrap items-center gap-2" role="group" aria-label={label} aria-busy={pending || undefined}>
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="targetId" value={targetId} />
      {REACTION_KINDS.map((k) => {
        const pressed = summary.mine.includes(k);
        return (
          <button
            key={k}
            type="submit"
            name="reaction"
            value={`${k}:${pressed ? 'off' : 'on'}`}
            aria-pressed={pressed}
            disabled={pending}
            title={compact ? REACTION_LABELS[k].label : undefined}
            className={`${compact ? pillCompact : pill} ${
              pressed
                ? 'border-ask-600 bg-ask-50 font-semibold text-ask-700'
                : 'border-stone-300 bg-white text-stone-800 hover:bg-stone-100 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800'
            } disabled:cursor-wait`}
          >
            <span aria-hidden>{REACTION_LABELS[k].emoji}</span>
            <span className={compact ? 'sr-only' : undefined}>{REACTION_LABELS[k].label}</span>
            <span data-testid="reaction-count" className="min-w-3 text-center">
              {summary.counts[k]}
            </span>
          </button>
        );
      })}
      <p role="status" className="text-sm font-medium text-red-700 empty:hidden dark:text-red-400">
        {!state.ok && state.error ? state.error : null}
      </p>
    </form>
  );
}
