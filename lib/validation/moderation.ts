import { z } from 'zod';
import { MODERATION_INTENTS } from '@/lib/moderation';
import { multiLine } from './text';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalId = (what: string) => z.preprocess(blankToUndefined, z.uuid(`That ${what} does not exist.`).optional());

/**
 * One form per queue entry, with a button per action: the button pressed sends `intent`. The
 * form carries the post or comment (`contentId`), whose account it is (`memberId`) and the newest
 * report, so each button finds what it acts on.
 */
export const moderationSchema = z
  .object({
    intent: z.enum(MODERATION_INTENTS, { error: 'Choose what to do.' }),
    contentId: optionalId('post or comment'),
    memberId: optionalId('account'),
    reportId: optionalId('report'),
    note: multiLine('The note', 500),
  })
  .superRefine((input, ctx) => {
    const needs =
      input.intent === 'dismiss_reports' ? 'reportId' : input.intent.endsWith('_member') ? 'memberId' : 'contentId';
    if (!input[needs]) ctx.addIssue({ code: 'custom', path: [needs], message: 'That no longer exists.' });
  });

export type ModerationInput = z.infer<typeof moderationSchema>;
