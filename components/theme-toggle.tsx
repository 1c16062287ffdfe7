'use client';

import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { initialResult, type ActionResult } from '@/lib/action-result';
import type { Theme } from '@/lib/theme';

export type ThemeAction = (prev: ActionResult<{ theme: Theme }>, formData: FormData) => Promise<ActionResult<{ theme: Theme }>>;

/** Lucide's moon (ISC licence), drawn here as the header's other icons are. */
function MoonIcon() {
  return (
    <svg aria-hidden="true" className="size-5" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d="M20.985 12.486a9 9 0 1 1-9.473-9.472c.405-.022.617.46.402.803a6 6 0 0 0 8.268 8.268c.344-.215.825-.004.803.401" />
    </svg>
  );
}

/** Lucide's sun (ISC licence). */
function SunIcon() {
  return (
    <svg aria-hidden="true" className="size-5" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2" />
      <path d="M12 20v2" />
      <path d="m4.93 4.93 1.41 1.41" />
      <path d="m17.66 17.66 1.41 1.41" />
      <path d="M2 12h2" />
      <path d="M20 12h2" />
      <path d="m6.34 17.66-1.41 1.41" />
      <path d="m19.07 4.93-1.41 1.41" />
    </svg>
  );
}

// Important: buttonClass's own px-4 would otherwise win, and the header has no room for it.
const button = buttonClass('ghost', 'px-2!');

/**
 * Light or dark, for visitors and members. Two buttons, one hidden by the same `dark:` variant as
 * the page's colours: whichever theme is shown — chosen, or the system's — the visible button
 * offers the other, without a script and without the server knowing the system's theme. With
 * JavaScript the page turns at once; the cookie follows from the action.
 */
export function ThemeToggle({ action }: { action: ThemeAction }) {
  const [, formAction] = useActionState(action, initialResult);
  return (
    <form
      action={formAction}
      className="flex"
      onSubmit={(event) => {
        const chosen = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
        if (chosen) document.documentElement.dataset.theme = chosen;
      }}
    >
      <span className="flex dark:hidden">
        <button type="submit" name="theme" value="dark" className={button} aria-label="Switch to dark theme" title="Switch to dark theme">
          <MoonIcon />
        </button>
      </span>
      <span className="hidden dark:flex">
        <button type="submit" name="theme" value="light" className={button} aria-label="Switch to light theme" title="Switch to light theme">
          <SunIcon />
        </button>
      </span>
    </form>
  );
}
