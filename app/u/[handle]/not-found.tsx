import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

// Shown for a handle no one has and for a suspended account alike: the page does not say which.
export default function MemberNotFound() {
  return (
    <EmptyState
      titleAs="h1"
      title="This profile is not available"
      action={
        <>
          <ButtonLink href="/">Back to the start</ButtonLink>
          <ButtonLink href="/mentors" variant="secondary">
            Search the mentors
          </ButtonLink>
        </>
      }
    >
      The member may have changed their handle, or the account is no longer active. If you were looking for a mentor, the directory
      lists everyone who mentors now.
    </EmptyState>
  );
}
