'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/field';
import { initialResult, type ActionResult } from '@/lib/action-result';

/** Follow or unfollow a member. */
export function FollowButton({
  memberId,
  memberName,
  following,
  action,
}: {
  memberId: string;
  memberName: string;
  following: boolean;
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
}) {
  const [state, dispatch, pending] = useActionState(action, initialResult);
  return (
    <form action={dispatch} className="space-y-1">
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="follow" value={following ? '0' : '1'} />
      <Button type="submit" variant={following ? 'secondary' : 'grow'} disabled={pending}>
        {following ? 'Unfollow' : 'Follow'}
        <span className="sr-only"> {memberName}</span>
      </Button>
      <FormStatus ok={state.ok} message={state.ok ? undefined : state.error} />
    </form>
  );
}
