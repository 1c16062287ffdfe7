import { z } from 'zod';
import { CADENCES, DECLINE_REASONS } from '@/db/schema/requests';
import { END_OUTCOMES, END_REASONS } from '@/lib/requests';
import { hasInvisible, multiLine, singleLine } from './text';

const id = (what: string) => z.uuid(`That ${what} does not exist.`);

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .regex(/^\d+$/, `${label} must be a whole number.`)
    .transform(Number)
    .pipe(z.number().min(min, `${label} must be at least ${min}.`).max(max, `${label} must be at most ${max}.`));

export const sendRequestSchema = z.object({
  mentorId: id('mentor'),
  message: multiLine('Your message', 2000).pipe(
    z.string().refine((v) => [...v].length >= 50, 'Your message must be at least 50 characters: say who you are and why this mentor.'),
  ),
  goal: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((g) => g.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean))
    .pipe(
      z
        .array(
          z
            .string()
            .refine((g) => [...g].length <= 200, 'Each goal must be at most 200 characters.')
            .refine((g) => !hasInvisible(g), 'Goals cannot contain invisible or control characters.'),
        )
        .min(1, 'Add at least one goal.')
        .max(5, 'Add at most 5 goals.'),
    ),
  cadence: z.enum(CADENCES, { error: 'Choose how often you would meet.' }),
  lengthWeeks: wholeNumber('Length', 4, 52),
});

export const requestActionSchema = z.object({ requestId: id('request') });

export const declineSchema = z.object({
  requestId: id('request'),
  reason: z.enum(DECLINE_REASONS, { error: 'Choose a reason.' }),
  note: multiLine('Your note', 500),
});

export const messageSchema = z.object({
  mentorshipId: id('mentorship'),
  body: multiLine('Message', 5000).pipe(z.string().min(1, 'Write a message first.')),
});

export const goalToggleSchema = z.object({
  mentorshipId: id('mentorship'),
  goalId: id('goal'),
  done: z.enum(['1', '0']).transform((v) => v === '1'),
});

export const addGoalSchema = z.object({
  mentorshipId: id('mentorship'),
  title: singleLine('Goal', 1, 200),
});

export const rateSchema = z.object({
  mentorshipId: id('mentorship'),
  rating: z.enum(['1', '2', '3', '4', '5'], { error: 'Choose a rating from 1 to 5.' }).transform(Number),
  comment: multiLine('Comment', 1000),
});

export const endSchema = rateSchema.extend({
  outcome: z.enum(END_OUTCOMES, { error: 'Choose how it ended.' }),
  reason: z.enum(END_REASONS, { error: 'Choose a reason.' }),
});

export type SendRequestInput = z.infer<typeof sendRequestSchema>;
