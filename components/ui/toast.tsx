'use client';

import { CircleCheck } from 'lucide-react';
import { useEffect, useState } from 'react';

/**
 * The word that an action went through ("Your post is published."), on the page the action led
 * to (…?published=1). Server-rendered, so it shows without JavaScript. A live region that arrives
 * already filled is often not read out, so once mounted the message is put in again (a new key:
 * the text is replaced in one commit, no flicker) and screen readers announce it politely.
 */
export function Toast({ children }: { children: React.ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    // A frame later, so the region is known to assistive technology before its text changes.
    const frame = requestAnimationFrame(() => setMounted(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div
      role="status"
      aria-live="polite"
      className="flex items-start gap-2 rounded-lg border border-grow-600/30 bg-grow-50 px-4 py-3 text-sm font-medium text-grow-700 shadow-sm"
    >
      <CircleCheck aria-hidden="true" className="mt-px size-4 shrink-0" />
      <span key={mounted ? 'announced' : 'rendered'}>{children}</span>
    </div>
  );
}
