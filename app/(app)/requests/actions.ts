'use server';

import { redirect } from 'next/navigation';
import { acceptRequest, declineRequest, withdrawRequest } from '@/db/queries/requests';
import { validatedActionWithUser } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { declineSchema, requestActionSchema } from '@/lib/validation/requests';

// Each success leaves the page the card was on, so the answer is said by the page it lands on
// (the mentorship, or a banner on /requests) rather than by a card that has just moved away.

export const acceptRequestAction = validatedActionWithUser(requestActionSchema, async ({ requestId }, user) => {
  const result = await acceptRequest(user.id, requestId);
  if (!result.ok) return fail(result.message);
  redirect(`/mentorships/${result.mentorshipId}?started=1`);
});

export const declineRequestAction = validatedActionWithUser(declineSchema, async (input, user, formData) => {
  const result = await declineRequest(user.id, input);
  if (!result.ok) return fail(result.message, undefined, formData);
  redirect('/requests?declined=1');
});

export const withdrawRequestAction = validatedActionWithUser(requestActionSchema, async ({ requestId }, user) => {
  const result = await withdrawRequest(user.id, requestId);
  if (!result.ok) return fail(result.message);
  redirect('/requests?withdrawn=1');
});
