'use server';

import { redirect } from 'next/navigation';
import { sendRequest } from '@/db/queries/requests';
import { validatedActionWithUser } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { formatDate } from '@/lib/format';
import { sendRequestSchema } from '@/lib/validation/requests';

export const sendRequestAction = validatedActionWithUser(sendRequestSchema, async (input, user, formData) => {
  const result = await sendRequest(user.id, input);
  if (!result.ok) {
    const message = result.until ? `${result.message} That is on ${formatDate(result.until)}.` : result.message;
    return fail(message, undefined, formData);
  }
  redirect('/requests?sent=1');
});
