'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  dismissReport,
  hideComment,
  hidePost,
  restoreComment,
  restoreMember,
  restorePost,
  suspendMember,
  type ModerationResult,
} from '@/db/queries/moderation';
import { validatedActionWithUser } from '@/lib/action';
import { fail } from '@/lib/action-result';
import { moderationSchema, type ModerationInput } from '@/lib/validation/moderation';

// Moderation (GitHub issue 8). Whether the member may moderate is checked by each query, in the
// same transaction as the change; a refusal here says no more than "not found" would.

function run({ intent, contentId, memberId, reportId, note }: ModerationInput, adminId: string): Promise<ModerationResult> {
  const options = { reportId, note };
  switch (intent) {
    case 'hide_post':
      return hidePost(adminId, contentId!, options);
    case 'restore_post':
      return restorePost(adminId, contentId!, options);
    case 'hide_comment':
      return hideComment(adminId, contentId!, options);
    case 'restore_comment':
      return restoreComment(adminId, contentId!, options);
    case 'suspend_member':
      return suspendMember(adminId, memberId!, options);
    case 'restore_member':
      return restoreMember(adminId, memberId!, options);
    case 'dismiss_reports':
      return dismissReport(adminId, reportId!, { note });
  }
}

/** Every button on /admin. Success lands back on the queue, which says what happened (?done=…). */
export const moderateAction = validatedActionWithUser(moderationSchema, async (input, user, formData) => {
  const result = await run(input, user.id);
  if (!result.ok) {
    if (result.code === 'forbidden') return fail('That page does not exist.');
    return fail(result.message, undefined, formData);
  }
  // Hidden or restored content changes what every page shows.
  revalidatePath('/', 'layout');
  redirect(`/admin?done=${input.intent}&resolved=${result.resolvedReports}`);
});
