'use server';

import { cookies } from 'next/headers';
import { validatedAction } from '@/lib/action';
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE } from '@/lib/theme';
import { themeSchema } from '@/lib/validation/theme';

/**
 * Anyone's own choice of colours, signed in or not: a cookie, no row. Setting a cookie makes Next
 * render the page again, so the root layout's <html data-theme> follows at once; a form posted
 * without JavaScript gets that page as its answer.
 */
export const setThemeAction = validatedAction(themeSchema, async ({ theme }) => {
  (await cookies()).set(THEME_COOKIE, theme, { maxAge: THEME_COOKIE_MAX_AGE, sameSite: 'lax', path: '/', httpOnly: true });
  return { ok: true, data: { theme }, message: 'Theme saved.' };
});
