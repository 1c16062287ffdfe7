'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { answerOffer, makeOffer, withdrawOffer } from '@/db/queries/offers';
import { limitMember } from '@/db/queries/rate-limits';
import { validatedActionWithUser } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { RATE_LIMITS } from '@/lib/rate-limits';
import { multiLine } from '@/lib/validation/text';

const makeSchema = z.object({
  kind: z.enum(['offer', 'proposal']),
  partnerId: z.uuid('That member does not exist.'),
  message: multiLine('Your note', 1000),
});

export const makeOfferAction = validatedActionWithUser(makeSchema, async (input, user, formData) => {
  const limited = await limitMember(RATE_LIMITS.offers, user);
  if (!limited.ok) return fail(limited.message, undefined, formData);
  const result = await makeOffer(user.id, input);
  if (!result.ok) return fail(result.message, undefined, formData);
  revalidatePath('/connections');
  return { ok: true, data: undefined, message: input.kind === 'offer' ? 'Offer sent.' : 'Proposal sent.' };
});

const answerSchema = z.object({ offerId: z.uuid('That offer does not exist.'), answer: z.enum(['accept', 'decline', 'withdraw']) });

export const answerOfferAction = validatedActionWithUser(answerSchema, async ({ offerId, answer }, user) => {
  const result = answer === 'withdraw' ? await withdrawOffer(user.id, offerId) : await answerOffer(user.id, { offerId, accept: answer === 'accept' });
  if (!result.ok) return fail(result.message);
  if ('mentorshipId' in result && result.mentorshipId) redirect(`/mentorships/${result.mentorshipId}`);
  revalidatePath('/connections');
  return { ok: true, data: undefined, message: answer === 'decline' ? 'Declined.' : 'Withdrawn.' };
});
