import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

// Shown for a post that never was, was deleted, is someone else's draft or was hidden by a
// moderator alike: the page does not say which.
export default function PostNotFound() {
  return (
    <EmptyState
      titleAs="h1"
      title="This post is not available"
      action={
        <>
          <ButtonLink href="/feed">Read the feed</ButtonLink>
          <ButtonLink href="/" variant="secondary">
            Back to the start
          </ButtonLink>
        </>
      }
    >
      The link may be old, or the author may have deleted the post or taken it back to a draft.
    </EmptyState>
  );
}
