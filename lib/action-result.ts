// Client-safe: forms import the result type and the initial state from here.

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionFailure = {
  ok: false;
  error: string;
  fieldErrors?: FieldErrors;
  /** What the person typed, so the form can show it again (never passwords). */
  values?: Record<string, string>;
};

export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

export const initialResult: ActionFailure = { ok: false, error: '' };

const SECRET_FIELDS = /password|secret|token/i;

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !SECRET_FIELDS.test(key) && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

export function fail(error: string, fieldErrors?: FieldErrors, formData?: FormData): ActionFailure {
  return { ok: false, error, fieldErrors, values: formData ? echoValues(formData) : undefined };
}
