'use client';

import { useActionState } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { FormStatus, TextAreaField } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import type { ModerationIntent } from '@/lib/moderation';
import { moderateAction } from './actions';

export type ModerationButton = {
  intent: ModerationIntent;
  label: string;
  /** Read after the label by screen readers: which of the page's many entries it acts on. */
  about: string;
  variant?: ButtonVariant;
};

/**
 * One queue entry's actions: a note for the audit log and a button per action, all in one form
 * (the pressed button sends `intent`), so it works before, or without, JavaScript.
 */
export function ModerationForm({
  formId,
  contentId,
  memberId,
  reportId,
  buttons,
}: {
  formId: string;
  contentId?: string;
  memberId?: string;
  reportId?: string;
  buttons: ModerationButton[];
}) {
  const [state, action, pending] = useActionState(moderateAction, initialResult);
  const values = (!state.ok && state.values) || {};
  const note = typeof values.note === 'string' ? values.note : '';
  return (
    <form action={action} className="space-y-3" key={note}>
      {contentId && <input type="hidden" name="contentId" value={contentId} />}
      {memberId && <input type="hidden" name="memberId" value={memberId} />}
      {reportId && <input type="hidden" name="reportId" value={reportId} />}
      <TextAreaField
        label="Note for the audit log (optional)"
        name="note"
        id={`note-${formId}`}
        rows={2}
        maxLength={500}
        defaultValue={note}
        errors={state.ok ? undefined : state.fieldErrors?.note}
      />
      <div className="flex flex-wrap gap-2">
        {buttons.map((b) => (
          <Button key={b.intent} type="submit" name="intent" value={b.intent} variant={b.variant ?? 'secondary'} disabled={pending}>
            {b.label}
            <span className="sr-only"> — {b.about}</span>
          </Button>
        ))}
      </div>
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
    </form>
  );
}
