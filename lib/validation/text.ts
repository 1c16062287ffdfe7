import { z } from 'zod';

// Control characters, bidi overrides and zero-width marks make names that look like someone
// else's or break layouts; they have no place in a name, handle or one-line bio.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const INVISIBLE_EXCEPT_NEWLINE = /[\p{Cf}\u2028\u2029]|(?![\n\r\t])\p{Cc}/u;

/** A comma- or line-separated list (tags): each entry one line, no invisible characters. */
export const listText = (label: string) =>
  z
    .string()
    .default('')
    .refine((v) => !hasInvisible(v.replace(/[\n\r]/g, ',')), `${label} cannot contain invisible or control characters.`);

/** A form field that may arrive once, many times, or not at all (checkbox groups). */
export const formList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** Whether a one-line value holds control, format or line-separator characters (NUL included: Postgres refuses it in text). */
export const hasInvisible = (v: string) => INVISIBLE.test(v);

/** A single line of text: trimmed, NFC-normalised, no invisible characters. */
export const singleLine = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? `${label} is required.` : `${label} must be at least ${min} characters.`)
        .refine((v) => [...v].length <= max, `${label} must be at most ${max} characters.`)
        .refine((v) => !INVISIBLE.test(v), `${label} contains invisible or control characters.`),
    );

/** Multi-line plain text (line breaks kept). */
export const multiLine = (label: string, max: number) =>
  z
    .string()
    .default('')
    .transform((v) => v.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .refine((v) => [...v].length <= max, `${label} must be at most ${max} characters.`)
        .refine((v) => !INVISIBLE_EXCEPT_NEWLINE.test(v), `${label} contains invisible or control characters.`),
    );
