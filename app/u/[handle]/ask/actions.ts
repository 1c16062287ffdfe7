'use server';

import { redirect } from 'next/navigation';
import { limitMember } from '@/db/queries/rate-limits';
import { sendRequest } from '@/db/queries/requests';
import { validatedActionWithUser } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { formatDate } from '@/lib/format';
import { RATE_LIMITS } from '@/lib/rate-limits';
import { sendRequestSchema } from '@/lib/validation/requests';

export const sendRequestAction = validatedActionWithUser(sendRequestSchema, async (input, user, formData) => {
  const limited = await limitMember(RATE_LIMITS.requests, user);
  if (!limited.ok) return fail(limited.message, undefined, formData);
  const result = await sendRequest(user.id, input);
  if (!result.ok) {
    const message = result.until ? `${result.message} That is on ${formatDate(result.until)}.` : result.message;
    return fail(message, undefined, formData);
  }
  redirect('/requests?sent=1');
});
