import type { TextareaHTMLAttributes } from 'react';
import { control } from './input';

/** A bare textarea; give it a <label htmlFor>, or use TextAreaField (field.tsx), which brings one. */
export function Textarea({ className = '', ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={`${control} ${className}`} {...props} />;
}
