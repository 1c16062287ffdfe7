import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <EmptyState
      titleAs="h1"
      title="We could not find that page"
      action={
        <>
          <ButtonLink href="/">Back to the start</ButtonLink>
          <ButtonLink href="/mentors" variant="secondary">
            Find a mentor
          </ButtonLink>
          <ButtonLink href="/feed" variant="secondary">
            Read the feed
          </ButtonLink>
        </>
      }
    >
      The link may be old or mistyped, or the member may have changed their handle.
    </EmptyState>
  );
}
