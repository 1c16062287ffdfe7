import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { Input } from './input';
import { Textarea } from './textarea';

export { control } from './input';

type FieldProps = {
  label: string;
  name: string;
  /** The element id, when one page shows the same form several times; defaults to `name`. */
  id?: string;
  /** Messages from the server action's fieldErrors. */
  errors?: string[];
  hint?: string;
};

export function describedBy(name: string, hint?: string, errors?: string[]) {
  const ids = [hint ? `${name}-hint` : '', errors?.length ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The hint under a field and the server's message for it, linked by aria-describedby. */
export function FieldMessages({ name, hint, errors }: { name: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

export function FieldShell({ label, name, id = name, errors, hint, children }: FieldProps & { children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      <FieldMessages name={id} hint={hint} errors={errors} />
    </div>
  );
}

export function TextField({ label, name, id = name, errors, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} name={name} id={id} errors={errors} hint={hint}>
      <Input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  name,
  id = name,
  errors,
  hint,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} name={name} id={id} errors={errors} hint={hint}>
      <Textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...textarea}
      />
    </FieldShell>
  );
}

/** The form-level message, announced to screen readers when it changes. */
export function FormStatus({ ok, message }: { ok?: boolean; message?: string }) {
  return (
    <div aria-live="polite" role="status" className="text-sm">
      {message ? (
        <p className={ok ? 'font-medium text-grow-700 dark:text-grow-50' : 'font-medium text-red-700 dark:text-red-400'}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
