import type { SelectHTMLAttributes } from 'react';
import { describedBy, FieldShell } from './field';
import { control } from './input';

/** A bare select; give it a <label htmlFor>, or use SelectField, which brings one. */
export function Select({ className = '', ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${control} ${className}`} {...props} />;
}

export function SelectField({
  label,
  name,
  id = name,
  errors,
  hint,
  options,
  ...select
}: {
  label: string;
  name: string;
  /** The element id, when one page shows the same form several times; defaults to `name`. */
  id?: string;
  errors?: string[];
  hint?: string;
  options: { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} name={name} id={id} errors={errors} hint={hint}>
      <Select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FieldShell>
  );
}
