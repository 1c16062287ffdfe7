'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import { initialResult } from '@/lib/action-result';
import { CHANNEL_LABELS, KIND_SETTINGS, type Channel, type NotificationKind } from '@/lib/notifications';
import { notificationSettingsAction } from './actions';

const OPTIONS = (Object.keys(CHANNEL_LABELS) as Channel[]).map((value) => ({ value, label: CHANNEL_LABELS[value] }));

/** Per kind of notification: in the app and by e-mail, in the app only, or off. */
export function NotificationForm({ settings }: { settings: Record<NotificationKind, Channel> }) {
  const [state, action, pending] = useActionState(notificationSettingsAction, initialResult);
  const kinds = Object.keys(KIND_SETTINGS) as NotificationKind[];
  return (
    <form action={action} className="space-y-4">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        E-mails about requests, offers and messages go out at once (messages at most one per conversation every 15 minutes); the rest come
        together in one daily digest.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {kinds.map((kind) => (
          <SelectField
            key={kind}
            id={`notify-${kind}`}
            name={kind}
            label={KIND_SETTINGS[kind].label}
            options={OPTIONS}
            defaultValue={(state.ok ? undefined : (state.values?.[kind] as string | undefined)) ?? settings[kind]}
            errors={state.ok ? undefined : state.fieldErrors?.[kind]}
          />
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        Save notification settings
      </Button>
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
    </form>
  );
}
