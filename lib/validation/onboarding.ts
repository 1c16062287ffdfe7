import { z } from 'zod';
import { START_PREFERENCES } from '@/db/schema/mentorship';
import { MAX_INTERESTS, MAX_MEMBER_LANGUAGES, MEMBER_GOALS } from '@/db/schema/users';
import { isLanguageCode } from '@/lib/languages';
import { parseTagList, tagSlug } from '@/lib/tags';
import { formList, listText } from './text';

/** A question that may be left open: no value, or an empty one, is no answer. */
const unanswered = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/**
 * The onboarding form (/welcome). Every answer is optional: someone who only wants to look
 * around gets suggestions all the same. "Skip" sends none of it.
 */
export const onboardingSchema = z
  .object({
    intent: z.enum(['save', 'skip']).default('save'),
    goal: unanswered(z.enum(MEMBER_GOALS, { error: 'Choose one of the three answers.' })),
    // Checked topics (slugs from the list shown) and any typed in, together.
    interests: formList.pipe(z.array(z.string().transform(tagSlug))),
    otherInterests: listText('Other topics').transform((v) => parseTagList(v).map((t) => t.slug)),
    languages: formList.pipe(
      z
        .array(z.string().refine(isLanguageCode, 'Choose languages from the list.'))
        .max(MAX_MEMBER_LANGUAGES, `Choose at most ${MAX_MEMBER_LANGUAGES} languages.`),
    ),
    startPreference: unanswered(z.enum(START_PREFERENCES, { error: 'Choose one of the three answers.' })),
  })
  .transform(({ interests, otherInterests, ...rest }) => ({
    ...rest,
    interests: [...new Set([...interests, ...otherInterests].filter(Boolean))],
  }))
  .refine((v) => v.intent === 'skip' || v.interests.length <= MAX_INTERESTS, {
    path: ['otherInterests'],
    message: `Choose at most ${MAX_INTERESTS} topics in all.`,
  });

export type OnboardingInput = z.infer<typeof onboardingSchema>;
