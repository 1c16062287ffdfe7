'use client';

import { createContext, useContext, useId, useRef, type RefObject } from 'react';
import { buttonClass, type ButtonVariant } from './button';

// Invoker commands (commandfor/command) open and close the dialog without JavaScript in current
// browsers; the click handlers do it in older ones. React does not type these attributes yet.
const invoke = (dialogId: string, command: 'show-modal' | 'close') => ({ commandfor: dialogId, command }) as object;
const nativeCommands = () => typeof HTMLButtonElement !== 'undefined' && 'command' in HTMLButtonElement.prototype;

const DialogContext = createContext<{ id: string; ref: RefObject<HTMLDialogElement | null> } | null>(null);

/**
 * A modal built on the native <dialog>: focus moves into it and back, Escape closes it, the
 * page behind is inert. For a confirmation: the trigger opens it, the children hold the form
 * that does the thing, with a DialogClose beside its button.
 */
export function Dialog({
  trigger,
  triggerVariant = 'secondary',
  title,
  children,
}: {
  trigger: React.ReactNode;
  triggerVariant?: ButtonVariant;
  title: string;
  children: React.ReactNode;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <DialogContext value={{ id, ref }}>
      <button
        type="button"
        className={buttonClass(triggerVariant)}
        {...invoke(id, 'show-modal')}
        onClick={() => {
          if (!nativeCommands()) ref.current?.showModal();
        }}
      >
        {trigger}
      </button>
      <dialog
        ref={ref}
        id={id}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(28rem,calc(100%-2rem))] space-y-4 rounded-2xl border border-stone-200 bg-white p-6 text-stone-900 shadow-xl backdrop:bg-stone-950/60 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </dialog>
    </DialogContext>
  );
}

/** Closes the Dialog it is in, doing nothing else: "Cancel". */
export function DialogClose({ children = 'Cancel', variant = 'secondary' }: { children?: React.ReactNode; variant?: ButtonVariant }) {
  const dialog = useContext(DialogContext);
  if (!dialog) throw new Error('DialogClose belongs inside a Dialog');
  return (
    <button
      type="button"
      className={buttonClass(variant)}
      {...invoke(dialog.id, 'close')}
      onClick={() => {
        if (!nativeCommands()) dialog.ref.current?.close();
      }}
    >
      {children}
    </button>
  );
}
