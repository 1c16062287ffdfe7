/**
 * The notification kinds: what each is called in settings, its default channel, whether its
 * e-mail goes out at once or in the daily digest, and how one reads in a list or a mail. Pure.
 */
import type { Channel, NotificationKind } from '@/db/schema/notifications';
import { DECLINE_REASON_LABELS } from '@/lib/requests';

export type { Channel, NotificationKind };

export const KIND_SETTINGS: Record<NotificationKind, { label: string; defaultChannel: Channel; mail: 'immediate' | 'digest' }> = {
  request_received: { label: 'Requests you receive, and reminders of those waiting', defaultChannel: 'email', mail: 'immediate' },
  request_answered: { label: 'Answers to your requests', defaultChannel: 'email', mail: 'immediate' },
  request_withdrawn: { label: 'Requests withdrawn', defaultChannel: 'email', mail: 'immediate' },
  request_expiring: { label: 'Your requests about to expire', defaultChannel: 'email', mail: 'immediate' },
  offer_received: { label: 'Offers and proposals you receive', defaultChannel: 'email', mail: 'immediate' },
  offer_answered: { label: 'Answers to your offers and proposals', defaultChannel: 'email', mail: 'immediate' },
  message: { label: 'New messages in your mentorships', defaultChannel: 'email', mail: 'immediate' },
  comment_reply: { label: 'Replies to your comments', defaultChannel: 'email', mail: 'digest' },
  post_comment: { label: 'Comments on your posts', defaultChannel: 'email', mail: 'digest' },
  reactions: { label: 'Reactions to your writing', defaultChannel: 'in_app', mail: 'digest' },
  new_follower: { label: 'New followers', defaultChannel: 'in_app', mail: 'digest' },
  followed_post: { label: 'New posts by people you follow', defaultChannel: 'in_app', mail: 'digest' },
};

export const CHANNEL_LABELS: Record<Channel, string> = { email: 'In the app and by e-mail', in_app: 'In the app only', off: 'Off' };

/** What a notification row carries in `data` (ids and title snapshots only, never message text). */
export type NotificationData = {
  requestId?: string;
  offerId?: string;
  offerKind?: 'offer' | 'proposal';
  mentorshipId?: string;
  postSlug?: string;
  postTitle?: string;
  commentId?: string;
  accepted?: boolean;
  reason?: string;
  expiresAt?: string;
  reminder?: number;
  day?: string;
};

export type NotificationView = {
  kind: NotificationKind;
  actorName: string | undefined;
  actorCount: number;
  data: NotificationData;
};

const others = (n: NotificationView) => {
  const name = n.actorName ?? 'Someone';
  if (n.actorCount <= 1) return name;
  const rest = n.actorCount - 1;
  return `${name} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
};

const quoted = (title: string | undefined) => (title ? `“${title}”` : 'your post');

/** One line saying what happened, and where it leads. */
export function describe(n: NotificationView): { text: string; href: string } {
  const who = n.actorName ?? 'Someone';
  const d = n.data;
  const post = d.postSlug ? `/posts/${d.postSlug}` : '/feed';
  switch (n.kind) {
    case 'request_received':
      return d.reminder
        ? { text: `${who}’s request has been waiting ${d.reminder} days for your answer`, href: '/requests' }
        : { text: `${who} asked you for a mentorship`, href: '/requests' };
    case 'request_answered':
      return d.accepted
        ? { text: `${who} accepted your request: your mentorship has started`, href: d.mentorshipId ? `/mentorships/${d.mentorshipId}` : '/mentorships' }
        : {
            text: `${who} declined your request${d.reason && d.reason in DECLINE_REASON_LABELS ? ` (${DECLINE_REASON_LABELS[d.reason as keyof typeof DECLINE_REASON_LABELS].toLowerCase()})` : ''}`,
            href: '/requests',
          };
    case 'request_withdrawn':
      return { text: `${who} withdrew their request`, href: '/requests' };
    case 'request_expiring':
      return { text: `Your request to ${who} expires in 3 days without an answer`, href: '/requests' };
    case 'offer_received':
      return { text: `${who} ${d.offerKind === 'proposal' ? 'proposed' : 'offered'} a mentorship`, href: '/connections' };
    case 'offer_answered':
      return d.accepted
        ? { text: `${who} accepted your ${d.offerKind ?? 'offer'}: your mentorship has started`, href: d.mentorshipId ? `/mentorships/${d.mentorshipId}` : '/mentorships' }
        : { text: `${who} declined your ${d.offerKind ?? 'offer'}`, href: '/connections' };
    case 'message':
      return { text: n.actorCount > 1 ? `${n.actorCount} new messages from ${who}` : `New message from ${who}`, href: d.mentorshipId ? `/mentorships/${d.mentorshipId}` : '/mentorships' };
    case 'comment_reply':
      return { text: `${others(n)} replied to your comment on ${quoted(d.postTitle)}`, href: d.commentId ? `${post}?comment=${d.commentId}#comment-${d.commentId}` : post };
    case 'post_comment':
      return { text: `${others(n)} commented on ${quoted(d.postTitle)}`, href: d.commentId ? `${post}?comment=${d.commentId}#comment-${d.commentId}` : post };
    case 'reactions':
      return { text: `${others(n)} reacted to ${d.commentId ? `your comment on ${quoted(d.postTitle)}` : quoted(d.postTitle)}`, href: d.commentId ? `${post}?comment=${d.commentId}#comment-${d.commentId}` : post };
    case 'new_follower':
      return { text: `${others(n)} started following you`, href: '/connections' };
    case 'followed_post':
      return { text: `${who} published ${quoted(d.postTitle)}`, href: post };
  }
}
