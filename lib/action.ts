import 'server-only';
import type { z } from 'zod';
import { fail, type ActionResult, type FieldErrors } from '@/lib/action-result';
import type { SessionUser } from '@/lib/session';
import { clearPageCache } from '@/lib/page-cache';
import { requireUser } from '@/lib/session';

function parse<S extends z.ZodType>(schema: S, formData: FormData) {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData) {
    if (key.startsWith('$ACTION')) continue;
    // A key sent several times (a group of checkboxes) becomes a list.
    const prior = raw[key];
    raw[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true as const, data: result.data as z.infer<S> };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    // One message per field, the first rule broken: "required" rather than a pile of rules.
    fieldErrors[key] ??= [issue.message];
  }
  return { ok: false as const, result: fail('Please correct the highlighted fields.', fieldErrors, formData) };
}

/** A server action open to anyone (sign-up, sign-in): validates input before `fn` sees it. */
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.infer<S>, formData: FormData) => Promise<ActionResult<T>>,
) {
  return async (_prev: ActionResult<T>, formData: FormData): Promise<ActionResult<T>> => {
    const parsed = parse(schema, formData);
    if (!parsed.ok) return parsed.result;
    try {
      return await fn(parsed.data, formData);
    } finally {
      // Pages cached for visitors may show what this changed (lib/page-cache.ts).
      clearPageCache();
    }
  };
}

/** A server action for signed-in members: refuses the anonymous, then validates input. */
export function validatedActionWithUser<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.infer<S>, user: SessionUser, formData: FormData) => Promise<ActionResult<T>>,
) {
  return async (_prev: ActionResult<T>, formData: FormData): Promise<ActionResult<T>> => {
    const user = await requireUser();
    const parsed = parse(schema, formData);
    if (!parsed.ok) return parsed.result;
    try {
      return await fn(parsed.data, user, formData);
    } finally {
      clearPageCache();
    }
  };
}
