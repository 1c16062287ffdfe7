import type { InputHTMLAttributes } from 'react';

/** The look shared by every text control: input, textarea and select. */
export const control =
  'block w-full rounded-lg border bg-white px-3 py-2 text-stone-900 placeholder:text-stone-500 dark:bg-stone-900 dark:text-stone-100 dark:placeholder:text-stone-400 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400 border-stone-400 dark:border-stone-600';

/** A bare input; give it a <label htmlFor>, or use TextField (field.tsx), which brings one. */
export function Input({ className = '', ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={`${control} ${className}`} {...props} />;
}
