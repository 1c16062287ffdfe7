'use server';

import { revalidatePath } from 'next/cache';
import { addGoal, endMentorship, postMessage, rateMentorship, setGoalDone } from '@/db/queries/mentorships';
import { validatedActionWithUser } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { addGoalSchema, endSchema, goalToggleSchema, messageSchema, rateSchema } from '@/lib/validation/requests';

function refreshed(mentorshipId: string, message: string) {
  revalidatePath(`/mentorships/${mentorshipId}`);
  revalidatePath('/mentorships');
  return { ok: true as const, data: undefined, message };
}

export const postMessageAction = validatedActionWithUser(messageSchema, async ({ mentorshipId, body }, user, formData) => {
  const result = await postMessage(user.id, mentorshipId, body);
  if (!result.ok) return fail(result.message, undefined, formData);
  return refreshed(mentorshipId, 'Message sent.');
});

export const toggleGoalAction = validatedActionWithUser(goalToggleSchema, async (input, user) => {
  const result = await setGoalDone(user.id, input);
  if (!result.ok) return fail(result.message);
  return refreshed(input.mentorshipId, input.done ? 'Goal marked done.' : 'Goal marked not done.');
});

export const addGoalAction = validatedActionWithUser(addGoalSchema, async (input, user, formData) => {
  const result = await addGoal(user.id, input);
  if (!result.ok) return fail(result.message, undefined, formData);
  return refreshed(input.mentorshipId, 'Goal added.');
});

export const endMentorshipAction = validatedActionWithUser(endSchema, async (input, user, formData) => {
  const result = await endMentorship(user.id, input);
  if (!result.ok) return fail(result.message, undefined, formData);
  return refreshed(input.mentorshipId, 'The mentorship has ended. Thank you for rating it.');
});

export const rateMentorshipAction = validatedActionWithUser(rateSchema, async (input, user, formData) => {
  const result = await rateMentorship(user.id, input);
  if (!result.ok) return fail(result.message, undefined, formData);
  return refreshed(input.mentorshipId, 'Thank you: your rating is saved.');
});
