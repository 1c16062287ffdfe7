'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Choice, ChoiceGroup } from '@/components/ui/choice';
import { FormStatus } from '@/components/ui/field';
import { initialResult } from '@/lib/action-result';
import type { Theme } from '@/lib/theme';
import { setThemeAction } from '../../theme/actions';

const OPTIONS: { value: Theme; label: string; detail: string }[] = [
  { value: 'system', label: 'System', detail: 'As your device is set.' },
  { value: 'light', label: 'Light', detail: 'Always light.' },
  { value: 'dark', label: 'Dark', detail: 'Always dark.' },
];

/** The same choice as the header's toggle, plus going back to the system's. Kept in a cookie on this browser. */
export function ThemeForm({ theme }: { theme: Theme }) {
  const [state, action, pending] = useActionState(setThemeAction, initialResult);
  // The saved choice once there is one; otherwise what was posted back after an error, or the cookie's.
  const checked = state.ok ? state.data.theme : ((state.values?.theme as Theme | undefined) ?? theme);
  return (
    <form action={action} className="space-y-4">
      <ChoiceGroup legend="Theme" name="theme" hint="Saved on this browser only." errors={state.ok ? undefined : state.fieldErrors?.theme}>
        {OPTIONS.map((o) => (
          <Choice key={o.value} type="radio" name="theme" value={o.value} label={o.label} detail={o.detail} defaultChecked={o.value === checked} />
        ))}
      </ChoiceGroup>
      <Button type="submit" disabled={pending}>
        Save theme
      </Button>
      <FormStatus ok={state.ok} message={state.ok ? state.message : state.error} />
    </form>
  );
}
