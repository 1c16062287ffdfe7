// Client-safe: the words of blocking, shared by the queries that refuse and the pages that explain.

export const BLOCK_REFUSALS = {
  self: 'You cannot block yourself.',
  not_found: 'That member does not exist.',
  mentoring:
    'You two have an active mentorship. End it first on the mentorship’s page (you can report messages there), then block.',
} as const;
export type BlockRefusal = keyof typeof BLOCK_REFUSALS;

/** What a block stops, for every crossing, in the words the refusal uses. */
export const BLOCKED = {
  request: 'You cannot ask for or start a mentorship with this member: one of you has blocked the other.',
  offer: 'You cannot offer, propose or accept a mentorship with this member: one of you has blocked the other.',
  comment: 'You cannot comment on this post: one of you has blocked the other.',
  reply: 'You cannot reply to this comment: one of you has blocked the other.',
  follow: 'You cannot follow this member: one of you has blocked the other.',
  reaction: 'You cannot react to this: one of you has blocked the other.',
} as const;

/** What blocking does, as the profile's confirmation explains it. */
export const BLOCK_EXPLANATION =
  'Neither of you will be able to follow the other, send a mentorship request or offer, comment on the other’s posts, reply to or react to the other’s writing, and neither is notified of the other. Existing follows between you are removed, and requests or offers waiting between you are closed. They are not told; you can unblock at any time in Settings.';
