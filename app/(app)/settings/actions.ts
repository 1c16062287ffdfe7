'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { isHandleTaken, removeAvatar, setAvatar, updateProfile } from '@/db/queries/users';
import { validatedActionWithUser } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { sniffImageType } from '@/lib/image';
import { profileSchema } from '@/lib/validation/account';
import { avatarUploadSchema } from '@/lib/validation/profile';
import { mentorProfileSchema } from '@/lib/validation/mentor';
import { saveMentorProfile, setAccepting, setMentorStatus } from '@/db/queries/mentors';
import { saveNotificationSettings } from '@/db/queries/notifications';
import { notificationSettingsSchema } from '@/lib/validation/notifications';

const HANDLE_TAKEN = 'That handle is taken; please choose another.';

export const updateProfileAction = validatedActionWithUser(profileSchema, async (input, user, formData) => {
  if (await isHandleTaken(input.handle, user.id)) {
    return fail('Please correct the highlighted fields.', { handle: [HANDLE_TAKEN] }, formData);
  }
  const result = await updateProfile(user.id, input);
  if ('field' in result) return fail('Please correct the highlighted fields.', { handle: [HANDLE_TAKEN] }, formData);
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined, message: 'Profile saved.' };
});

export const uploadAvatarAction = validatedActionWithUser(avatarUploadSchema, async ({ avatar }, user) => {
  const bytes = Buffer.from(await avatar.arrayBuffer());
  const mimeType = await sniffImageType(bytes);
  if (!mimeType) {
    return fail('Please correct the highlighted fields.', { avatar: ['That file is not a PNG, JPEG, WebP or GIF image.'] });
  }
  await setAvatar(user.id, { mimeType, bytes });
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined, message: 'Avatar updated.' };
});

export const removeAvatarAction = validatedActionWithUser(z.object({}), async (_input, user) => {
  await removeAvatar(user.id);
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined, message: 'Avatar removed; your generated avatar is back.' };
});

export const saveMentorProfileAction = validatedActionWithUser(mentorProfileSchema, async (input, user, formData) => {
  const result = await saveMentorProfile(user.id, input);
  if (!result.ok) {
    return fail(
      'Please correct the highlighted fields.',
      {
        capacity: [
          `You have ${result.activeMentees} active mentees, so capacity cannot be lower than ${result.activeMentees}.`,
        ],
      },
      formData,
    );
  }
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined, message: 'Mentor profile saved. You are listed in the directory.' };
});

const statusSchema = z.object({ change: z.enum(['pause', 'resume', 'retire', 'return']) });

export const mentorStatusAction = validatedActionWithUser(statusSchema, async ({ change }, user) => {
  if (change === 'pause' || change === 'resume') await setAccepting(user.id, change === 'resume');
  else await setMentorStatus(user.id, change === 'retire' ? 'retired' : 'active');
  revalidatePath('/', 'layout');
  const messages = {
    pause: 'Paused: you stay listed, but no one can send you new requests.',
    resume: 'You are accepting requests again.',
    retire: 'Your mentor profile is retired; requests that were waiting have been answered for you. Your mentorships and history stay.',
    return: 'Welcome back: your mentor profile is listed again.',
  };
  return { ok: true, data: undefined, message: messages[change] };
});

export const notificationSettingsAction = validatedActionWithUser(notificationSettingsSchema, async (input, user) => {
  await saveNotificationSettings(user.id, input);
  return { ok: true, data: undefined, message: 'Notification settings saved.' };
});
