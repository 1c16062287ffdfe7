import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import { DeleteCommentForm, EditCommentForm, ReplyForm, type CommentAction } from '@/components/comment-forms';
import { Markdown } from '@/components/markdown';
import { ReactionBar } from '@/components/reaction-bar';
import { ReportForm, type ReportAction } from '@/components/report-form';
import type { ReactionKind } from '@/lib/reactions';
import type { ActionResult } from '@/lib/action-result';
import { LocalTime } from '@/components/local-time';
import { Badge } from '@/components/ui/badge';

/** Replies nest visually up to this level; deeper ones line up under it and name whom they answer. */
export const MAX_INDENT = 5;

export type ThreadComment = {
  id: string;
  parentId: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  /** Hidden by a moderator: a placeholder for most, the comment with a note for its author and admins. */
  hidden?: boolean;
  author: { id: string; handle: string; displayName: string; avatarUpdatedAt: Date | null } | null;
  reactions: { counts: Record<ReactionKind, number>; mine: ReactionKind[] };
  replies: ThreadComment[];
};

type ThreadProps = {
  postId: string;
  postAuthorId: string;
  comments: ThreadComment[];
  viewerId?: string;
  signInHref: string;
  actions: {
    reply: CommentAction;
    edit: CommentAction;
    remove: CommentAction;
    react: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
    /** "Report" under others' comments, for signed-in members. */
    report?: ReportAction;
  };
};

const placeholder = (c: ThreadComment) => (c.hidden && !c.deleted ? '[hidden by a moderator]' : '[deleted]');
const nameOf = (c: ThreadComment) => c.author?.displayName ?? placeholder(c);

function CommentView({ comment, parent, showParent, props }: { comment: ThreadComment; parent?: ThreadComment; showParent: boolean; props: ThreadProps }) {
  const { viewerId, actions } = props;
  const inReplyTo = showParent && parent && (
    <p className="text-xs text-stone-600 dark:text-stone-400">
      In reply to{' '}
      <a href={`#comment-${parent.id}`} className="underline">
        {nameOf(parent)}
      </a>
    </p>
  );
  if (comment.deleted || !comment.author) {
    return (
      <article
        id={`comment-${comment.id}`}
        aria-label={comment.hidden && !comment.deleted ? 'Hidden comment' : 'Deleted comment'}
        className="scroll-mt-4 space-y-1 py-2"
      >
        {inReplyTo}
        <p className="text-sm italic text-stone-600 dark:text-stone-400">{placeholder(comment)}</p>
      </article>
    );
  }
  const author = comment.author;
  const mine = viewerId === author.id;
  return (
    <article id={`comment-${comment.id}`} aria-labelledby={`comment-${comment.id}-by`} className="scroll-mt-4 space-y-2 py-2">
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <Avatar user={author} size={28} decorative />
        <Link id={`comment-${comment.id}-by`} href={`/u/${author.handle}`} className="font-semibold hover:underline">
          {author.displayName}
        </Link>
        {author.id === props.postAuthorId && <Badge tone="grow">Author</Badge>}
        <span className="text-stone-600 dark:text-stone-400">
          <a href={`#comment-${comment.id}`} className="hover:underline">
            <LocalTime date={comment.createdAt} time />
          </a>
          {comment.editedAt && ' · edited'}
        </span>
      </header>
      {inReplyTo}
      {comment.hidden && (
        <p className="rounded-md bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          Hidden by a moderator: only {mine ? 'you' : 'its author'} and moderators can see this comment.
        </p>
      )}
      <Markdown source={comment.body} profile="comment" className="text-[0.95rem]" />
      <ReactionBar
        target="comment"
        targetId={comment.id}
        summary={comment.reactions}
        action={actions.react}
        signedIn={Boolean(viewerId)}
        signInHref={props.signInHref}
        label={`Reactions to ${author.displayName}’s comment`}
        inviteToSignIn={false}
        compact
      />
      {viewerId && (
        <div className="flex flex-wrap items-start gap-1">
          <ReplyForm postId={props.postId} parentId={comment.id} parentAuthor={author.displayName} action={actions.reply} />
          {mine && <EditCommentForm commentId={comment.id} body={comment.body} action={actions.edit} />}
          {mine && <DeleteCommentForm commentId={comment.id} hasReplies={comment.replies.length > 0} action={actions.remove} />}
          {!mine && actions.report && (
            <ReportForm targetType="comment" targetId={comment.id} what={`${author.displayName}’s comment`} action={actions.report} />
          )}
        </div>
      )}
    </article>
  );
}

type Item = { comment: ThreadComment; parent?: ThreadComment; level: number };

/** Each comment followed by all its descendants, oldest first: how the deepest level is shown. */
function flattenFrom(comments: ThreadComment[], parent: ThreadComment | undefined, level: number, out: Item[] = []) {
  for (const c of comments) {
    out.push({ comment: c, parent, level });
    flattenFrom(c.replies, c, level + 1, out);
  }
  return out;
}

function Replies({ comments, parent, level, props }: { comments: ThreadComment[]; parent?: ThreadComment; level: number; props: ThreadProps }) {
  const nested = level < MAX_INDENT;
  const listClass = level === 0 ? 'divide-y divide-stone-200 dark:divide-stone-800' : 'ml-3 border-l-2 border-stone-200 pl-3 sm:ml-4 sm:pl-4 dark:border-stone-800';
  if (!nested) {
    // From here on the thread stops indenting; every comment names whom it answers.
    return (
      <ol className={listClass}>
        {flattenFrom(comments, parent, level).map((item) => (
          <li key={item.comment.id}>
            <CommentView comment={item.comment} parent={item.parent} showParent props={props} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <ol className={listClass} aria-label={level === 0 ? 'Comments' : undefined}>
      {comments.map((c) => (
        <li key={c.id}>
          <CommentView comment={c} parent={parent} showParent={false} props={props} />
          {c.replies.length > 0 && <Replies comments={c.replies} parent={c} level={level + 1} props={props} />}
        </li>
      ))}
    </ol>
  );
}

/** A post's discussion: nested replies, reactions, and the viewer's own reply/edit/delete forms. */
export function CommentThread(props: ThreadProps) {
  if (!props.comments.length) return <p className="text-stone-600 dark:text-stone-400">No comments yet.</p>;
  return <Replies comments={props.comments} level={0} props={props} />;
}
