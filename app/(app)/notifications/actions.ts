'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { markAllRead } from '@/db/queries/notifications';
import { validatedActionWithUser } from '@/lib/action';

export const markAllReadAction = validatedActionWithUser(z.object({}), async (_input, user) => {
  await markAllRead(user.id);
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined, message: 'All caught up.' };
});
