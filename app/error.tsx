'use client';

import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong on our side</h1>
      <p className="text-stone-700 dark:text-stone-300">Your data is safe. Please try again in a moment.</p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
