'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus, TextAreaField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import type { ReportTarget } from '@/db/schema/safety';
import { initialResult, type ActionResult } from '@/lib/action-result';
import { MAX_REPORT_NOTE, REPORT_CATEGORY_LABELS } from '@/lib/reports';
import { cardClass } from '@/components/ui/card';

export type ReportAction = (prev: ActionResult, formData: FormData) => Promise<ActionResult>;

const summaryClass =
  'cursor-pointer list-none rounded-md px-2 py-1 text-sm font-medium text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800 [&::-webkit-details-marker]:hidden';

const CATEGORY_OPTIONS = [
  { value: '', label: 'Choose…' },
  ...Object.entries(REPORT_CATEGORY_LABELS).map(([value, label]) => ({ value, label })),
];

function typed(state: ActionResult, key: string) {
  const v = !state.ok && state.values ? state.values[key] : undefined;
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/**
 * "Report", folded away until asked for: what is wrong and an optional note for the moderators.
 * Works without JavaScript (the disclosure is a <details>, the form a server action); once
 * sent, the thanks replaces the form.
 */
export function ReportForm({
  targetType,
  targetId,
  what,
  action,
}: {
  targetType: ReportTarget;
  targetId: string;
  /** What is reported, for screen readers: "this post", "Ann’s comment". */
  what: string;
  action: ReportAction;
}) {
  const [state, dispatch, pending] = useActionState(action, initialResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const failed = !state.ok && Boolean(state.error);
  const id = `report-${targetId}`;
  return (
    <details open={state.ok || failed || undefined} className="text-sm">
      <summary className={summaryClass}>
        Report<span className="sr-only"> {what}</span>
      </summary>
      <div className={cardClass('sm', 'mt-2 max-w-md space-y-3 text-stone-900 dark:text-stone-100')}>
        {!state.ok && (
          <form action={dispatch} noValidate className="space-y-3" aria-label={`Report ${what}`} key={typed(state, 'note')}>
            <input type="hidden" name="targetType" value={targetType} />
            <input type="hidden" name="targetId" value={targetId} />
            <SelectField
              label="What is wrong?"
              name="category"
              id={`${id}-category`}
              options={CATEGORY_OPTIONS}
              defaultValue={typed(state, 'category')}
              errors={errors?.category}
            />
            <TextAreaField
              label="Anything a moderator should know (optional)"
              name="note"
              id={`${id}-note`}
              rows={3}
              maxLength={MAX_REPORT_NOTE}
              defaultValue={typed(state, 'note')}
              hint={`Only moderators read this. At most ${MAX_REPORT_NOTE.toLocaleString('en')} characters.`}
              errors={errors?.note}
            />
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? 'Sending…' : 'Send report'}
            </Button>
          </form>
        )}
        <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
      </div>
    </details>
  );
}
