import type { SelectHTMLAttributes } from 'react';
import { control, describedBy, FieldShell } from './field';

export function SelectField({
  label,
  name,
  errors,
  hint,
  options,
  ...select
}: {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  options: { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint}>
      <select
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={control}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
