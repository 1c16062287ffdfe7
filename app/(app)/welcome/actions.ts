'use server';

import { redirect } from 'next/navigation';
import { saveOnboarding } from '@/db/queries/onboarding';
import { validatedActionWithUser } from '@/lib/action';
import { onboardingSchema } from '@/lib/validation/onboarding';

/** Saves the answers at /welcome (or skips them) and shows the suggestions. */
export const saveOnboardingAction = validatedActionWithUser(onboardingSchema, async (input, user) => {
  await saveOnboarding(user.id, input);
  redirect('/welcome/suggestions');
});
