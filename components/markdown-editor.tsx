'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { describedBy, FieldMessages } from '@/components/ui/field';
import { SkeletonText } from '@/components/ui/skeleton';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/action-result';
import type { MarkdownProfile } from '@/lib/markdown';

export type PreviewAction = (prev: ActionResult<{ html: string }>, formData: FormData) => Promise<ActionResult<{ html: string }>>;

const DEBOUNCE_MS = 300;

/**
 * A markdown textarea with a live preview beside it (below it on phones). The preview is the
 * server's own rendering — the same sanitising pipeline as the published page — fetched
 * through a server action a moment after typing stops. Without JavaScript the textarea still
 * works; only the preview is missing.
 */
export function MarkdownEditor({
  label,
  name,
  defaultValue = '',
  maxLength,
  rows = 16,
  hint,
  errors,
  profile = 'full',
  preview,
}: {
  label: string;
  name: string;
  defaultValue?: string;
  maxLength?: number;
  rows?: number;
  hint?: string;
  errors?: string[];
  profile?: MarkdownProfile;
  preview: PreviewAction;
}) {
  const [source, setSource] = useState(defaultValue);
  const [html, setHtml] = useState('');
  const [status, setStatus] = useState<'idle' | 'updating' | 'failed'>(defaultValue.trim() ? 'updating' : 'idle');
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const render = useCallback(
    async (text: string) => {
      const request = ++latest.current;
      const form = new FormData();
      form.set('body', text);
      form.set('profile', profile);
      try {
        const result = await preview({ ok: false, error: '' }, form);
        // An answer to an older keystroke must not overwrite a newer one.
        if (request !== latest.current) return;
        if (result.ok) {
          setHtml(result.data.html);
          setStatus('idle');
        } else setStatus('failed');
      } catch {
        if (request === latest.current) setStatus('failed');
      }
    },
    [preview, profile],
  );

  // The text the form opened with (a draft being edited, or what was typed before a refusal).
  useEffect(() => {
    if (defaultValue.trim()) timer.current = setTimeout(() => void render(defaultValue), 0);
    return () => clearTimeout(timer.current);
  }, [defaultValue, render]);

  function change(text: string) {
    setSource(text);
    clearTimeout(timer.current);
    if (!text.trim()) {
      latest.current++;
      setHtml('');
      setStatus('idle');
      return;
    }
    setStatus('updating');
    timer.current = setTimeout(() => void render(text), DEBOUNCE_MS);
  }

  const length = [...source].length;
  return (
    // minmax(0, 1fr): a long line of code in the preview scrolls inside it instead of widening
    // the column, and with it the page (a phone then zooms out and the buttons move).
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
      <div className="min-w-0 space-y-1">
        <label htmlFor={name} className="block text-sm font-medium">
          {label}
        </label>
        <Textarea
          id={name}
          name={name}
          rows={rows}
          value={source}
          onChange={(e) => change(e.target.value)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[describedBy(name, hint, errors), `${name}-count`].filter(Boolean).join(' ')}
          className="min-h-64 font-mono text-sm"
        />
        <FieldMessages name={name} hint={hint} errors={errors} />
        {maxLength && (
          <p id={`${name}-count`} className={`text-xs ${length > maxLength ? 'font-medium text-red-700 dark:text-red-400' : 'text-stone-600 dark:text-stone-400'}`}>
            {length.toLocaleString('en')} of {maxLength.toLocaleString('en')} characters
          </p>
        )}
      </div>
      <section aria-labelledby={`${name}-preview-heading`} className="min-w-0 space-y-1">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={`${name}-preview-heading`} className="text-sm font-medium">
            Preview
          </h2>
          <span className="text-xs text-stone-600 dark:text-stone-400">
            {status === 'updating' ? 'Updating…' : status === 'failed' ? 'Preview unavailable' : ''}
          </span>
        </div>
        <div
          data-testid="markdown-preview"
          aria-busy={status === 'updating' || undefined}
          className="min-h-64 rounded-lg border border-dashed border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900"
        >
          {html ? (
            // The server's sanitised rendering (renderMarkdown), the same HTML the page will show.
            <div className="prose-content" dangerouslySetInnerHTML={{ __html: html }} />
          ) : source.trim() ? (
            <SkeletonText label="Rendering…" />
          ) : (
            <p className="text-sm text-stone-600 dark:text-stone-400">Your formatted text appears here as you type.</p>
          )}
        </div>
      </section>
    </div>
  );
}
