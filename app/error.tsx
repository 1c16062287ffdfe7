'use client';

import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      titleAs="h1"
      title="Something went wrong on our side"
      action={
        <>
          <Button onClick={reset}>Try again</Button>
          <ButtonLink href="/" variant="secondary">
            Back to the start
          </ButtonLink>
        </>
      }
    >
      <p>Your data is safe: what you saved before is still there. Please try again in a moment.</p>
      {/* The digest is what the server log records the error under; it says nothing about the error itself. */}
      {error.digest && <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Reference for support: {error.digest}</p>}
    </EmptyState>
  );
}
