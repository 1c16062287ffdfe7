import { z } from 'zod';
import { isLanguageCode } from '@/lib/languages';
import { isCountryCode, isTimeZone } from '@/lib/places';
import { parseTagList } from '@/lib/tags';
import { START_PREFERENCES, MAX_MENTOR_TAGS } from '@/db/schema/mentorship';
import { formList as list, hasInvisible, listText, multiLine, singleLine } from './text';

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .regex(/^\d+$/, `${label} must be a whole number.`)
    .transform(Number)
    .pipe(z.number().min(min, `${label} must be at least ${min}.`).max(max, `${label} must be at most ${max}.`));

const link = z
  .string()
  .max(300, 'Each link must be at most 300 characters.')
  .refine((v) => !hasInvisible(v), 'Links cannot contain invisible or control characters.')
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Each link must be a full web address starting with https://.');

export const mentorProfileSchema = z.object({
  headline: singleLine('Headline', 1, 120),
  bio: multiLine('Bio', 5000),
  tags: listText('Areas of expertise')
    .transform(parseTagList)
    .pipe(
      z
        .array(z.object({ slug: z.string(), name: z.string() }))
        .min(1, 'Add at least one area of expertise.')
        .max(MAX_MENTOR_TAGS, `Choose at most ${MAX_MENTOR_TAGS} areas of expertise.`),
    ),
  yearsExperience: wholeNumber('Years of experience', 0, 70),
  languages: list.pipe(
    z
      .array(z.string().refine(isLanguageCode, 'Choose languages from the list.'))
      .min(1, 'Choose at least one language you mentor in.')
      .max(10, 'Choose at most 10 languages.'),
  ),
  timezone: z.string({ error: 'Choose your time zone.' }).refine(isTimeZone, 'Choose your time zone from the list.'),
  country: z
    .string()
    .default('')
    .transform((v) => v.trim().toUpperCase())
    .refine((v) => v === '' || isCountryCode(v), 'Choose a country from the list.')
    .transform((v) => v || null),
  links: z
    .string()
    .default('')
    .transform((v) => v.split('\n').map((l) => l.trim()).filter(Boolean))
    .pipe(z.array(link).max(5, 'Add at most 5 links.')),
  capacity: wholeNumber('Capacity', 1, 20),
  accepting: z.string().optional().transform((v) => v === 'on' || v === '1'),
  startPreference: z.enum(START_PREFERENCES, { error: 'Choose how you like mentorships to start.' }),
  startNote: singleLine('Your sentence on how you like to start', 1, 280),
});

export type MentorProfileInput = z.infer<typeof mentorProfileSchema>;
