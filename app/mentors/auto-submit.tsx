'use client';

import { useEffect, useRef } from 'react';

/**
 * With JavaScript on, changing a filter applies it at once (the form stays a plain GET form
 * that works without JavaScript through its Apply button). Typing in the search box waits for
 * Enter or Apply, so every keystroke is not a navigation. The form has no page field: a new
 * filter always starts at page 1.
 */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (target.type === 'search' || target.type === 'text') return;
      form.requestSubmit();
    };
    form.addEventListener('change', onChange);
    return () => form.removeEventListener('change', onChange);
  }, []);
  return <span ref={marker} hidden />;
}
