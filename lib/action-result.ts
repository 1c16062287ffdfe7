// Client-safe: forms import the result type and the initial state from here.

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionFailure = {
  ok: false;
  error: string;
  fieldErrors?: FieldErrors;
  /** What the person typed, so the form can show it again (never passwords). */
  values?: Record<string, string | string[]>;
};

export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

export const initialResult: ActionFailure = { ok: false, error: '' };

const SECRET_FIELDS = /password|secret|token/i;

function echoValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData) {
    if (typeof value !== 'string' || SECRET_FIELDS.test(key) || key.startsWith('$ACTION')) continue;
    const prior = values[key];
    values[key] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return values;
}

export function fail(error: string, fieldErrors?: FieldErrors, formData?: FormData): ActionFailure {
  return { ok: false, error, fieldErrors, values: formData ? echoValues(formData) : undefined };
}
