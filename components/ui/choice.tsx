import type { InputHTMLAttributes } from 'react';
import { describedBy, FieldMessages } from './field';

/** A group of checkboxes or radios with a legend, a hint and the server's message. */
export function ChoiceGroup({
  legend,
  name,
  hint,
  errors,
  children,
  columns = false,
}: {
  legend: string;
  name: string;
  hint?: string;
  errors?: string[];
  children: React.ReactNode;
  columns?: boolean;
}) {
  return (
    <fieldset aria-describedby={describedBy(name, hint, errors)} className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className={columns ? 'grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3' : 'space-y-2'}>{children}</div>
      <FieldMessages name={name} hint={hint} errors={errors} />
    </fieldset>
  );
}

export function Choice({ label, detail, ...input }: { label: string; detail?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input className="mt-0.5 size-4 shrink-0 accent-ask-700" {...input} />
      <span>
        <span className="font-medium">{label}</span>
        {detail && <span className="block text-stone-600 dark:text-stone-400">{detail}</span>}
      </span>
    </label>
  );
}
