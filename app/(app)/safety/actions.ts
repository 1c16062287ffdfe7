'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { blockMember, unblockMember } from '@/db/queries/blocks';
import { reportContent } from '@/db/queries/reports';
import { validatedActionWithUser } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { REPORT_THANKS } from '@/lib/reports';
import { blockSchema, unblockSchema } from '@/lib/validation/blocks';
import { reportSchema } from '@/lib/validation/reports';

// Blocking and reporting (GitHub issue 8): the rules live in db/queries/blocks.ts and reports.ts.

export const reportAction = validatedActionWithUser(reportSchema, async (input, user, formData) => {
  const result = await reportContent(user.id, input);
  if (!result.ok) return fail(result.message, undefined, formData);
  return { ok: true as const, data: undefined, message: REPORT_THANKS };
});

/** Block or unblock from the member's profile; the page re-renders to show which. */
export const setBlockAction = validatedActionWithUser(blockSchema, async ({ memberId, block }, user) => {
  const result = block ? await blockMember(user.id, memberId) : await unblockMember(user.id, memberId);
  if (!result.ok) return fail(result.message);
  refresh();
  return {
    ok: true as const,
    data: undefined,
    message: block ? 'Blocked. Nothing crosses between you two until you unblock.' : 'Unblocked.',
  };
});

/** Unblock from Settings → Blocked members: the row leaves the list, so the page says what happened. */
export const unblockFromListAction = validatedActionWithUser<typeof unblockSchema, undefined>(unblockSchema, async ({ memberId }, user) => {
  const result = await unblockMember(user.id, memberId);
  if (!result.ok) return fail(result.message);
  redirect('/settings/blocked?unblocked=1');
});
