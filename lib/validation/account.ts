import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/password';
import { hasInvisible, multiLine, singleLine } from './text';

// Handles that would read as the platform speaking, or collide with routes.
const RESERVED_HANDLES = new Set([
  'admin', 'administrator', 'api', 'askorgrow', 'connections', 'feed', 'help', 'insights',
  'mentors', 'mentorships', 'moderator', 'new', 'notifications', 'posts', 'requests', 'root',
  'settings', 'signin', 'signout', 'signup', 'staff', 'support', 'system',
]);

export const handleSchema = z
  .string({ error: 'Handle is required.' })
  .transform((v) => v.trim().replace(/^@/, ''))
  .pipe(
    z
      .string()
      .min(1, 'Handle is required.')
      .min(3, 'Handle must be at least 3 characters.')
      .max(30, 'Handle must be at most 30 characters.')
      .regex(/^[A-Za-z0-9_]+$/, 'Handle may use only letters, digits and underscores.')
      .refine((v) => !RESERVED_HANDLES.has(v.toLowerCase()), 'This handle is reserved; please choose another.'),
  );

export const emailSchema = z
  .string({ error: 'E-mail is required.' })
  .transform((v) => v.trim())
  .pipe(
    z
      .string()
      .min(1, 'E-mail is required.')
      .max(254, 'E-mail must be at most 254 characters.')
      .pipe(z.email('Enter a valid e-mail address, like name@example.com.')),
  );

export const passwordSchema = z
  .string({ error: 'Password is required.' })
  .min(1, 'Password is required.')
  .refine((v) => [...v].length >= PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
  .refine((v) => [...v].length <= PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`);

export const displayNameSchema = singleLine('Display name', 1, 60);

export const signUpSchema = z.object({
  displayName: displayNameSchema,
  handle: handleSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const signInSchema = z.object({
  // An e-mail address or a handle.
  identifier: z
    .string()
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, 'Enter your e-mail or handle.')
        .max(254, 'That is too long to be an e-mail or handle.')
        .refine((v) => !hasInvisible(v), 'That is not an e-mail address or a handle.'),
    ),
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH, 'E-mail or password is incorrect.'),
  callbackUrl: z.string().optional(),
});

export const profileSchema = z.object({
  displayName: displayNameSchema,
  handle: handleSchema,
  bio: multiLine('Bio', 280),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;
