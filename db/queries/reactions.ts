import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import { comments, posts, reactions, REACTION_KINDS, type ReactionKind } from '@/db/schema';
import { BLOCKED } from '@/lib/blocks';
import { crossesBlock } from './blocks';
import { recordEvent } from './events';
import { noteInteraction } from './rapport';

export type ReactionTarget = 'post' | 'comment';

export type ReactionSummary = {
  counts: Record<ReactionKind, number>;
  /** The kinds the viewer has given. */
  mine: ReactionKind[];
};

export const emptySummary = (): ReactionSummary => ({
  counts: Object.fromEntries(REACTION_KINDS.map((k) => [k, 0])) as Record<ReactionKind, number>,
  mine: [],
});

/** Counts per kind for each target, and which of them the viewer gave. */
export async function reactionSummaries(target: ReactionTarget, ids: string[], viewerId?: string) {
  const summaries = new Map<string, ReactionSummary>(ids.map((id) => [id, emptySummary()]));
  if (!ids.length) return summaries;
  const column = target === 'post' ? reactions.postId : reactions.commentId;
  const rows = await db()
    .select({
      targetId: sql<string>`${column}`,
      kind: reactions.kind,
      count: sql<number>`count(*)::int`,
      mine: viewerId ? sql<boolean>`bool_or(${reactions.userId} = ${viewerId})` : sql<boolean>`false`,
    })
    .from(reactions)
    .where(inArray(column, ids))
    .groupBy(column, reactions.kind);
  for (const row of rows) {
    const summary = summaries.get(row.targetId);
    if (!summary) continue;
    summary.counts[row.kind] = Number(row.count);
    if (row.mine) summary.mine.push(row.kind);
  }
  return summaries;
}

export type ReactionResult = { ok: true; slug: string; added: boolean } | { ok: false; message: string };

const gone: ReactionResult = { ok: false, message: 'That post or comment is no longer there.' };

/**
 * Gives (`on`) or takes back a reaction. Idempotent: the button says which, so a double click
 * or a resubmitted form adds one reaction, and the unique index settles simultaneous ones
 * (ON CONFLICT DO NOTHING). Only published posts and their live comments take reactions.
 * Reacting to one's own writing is allowed; rapport ignores it.
 */
export async function setReaction(
  viewerId: string,
  input: { target: ReactionTarget; targetId: string; kind: ReactionKind; on: boolean },
): Promise<ReactionResult> {
  return db().transaction(async (tx) => {
    // FOR SHARE: a post or comment deleted meanwhile waits for this transaction, or is gone here.
    const [target] =
      input.target === 'post'
        ? await tx
            .select({ authorId: posts.authorId, slug: posts.slug, status: posts.status, deletedAt: sql<Date | null>`null` })
            .from(posts)
            .where(eq(posts.id, input.targetId))
            // The reaction counter's trigger updates this row: take it for that at once (two
            // FOR SHARE holders both updating would deadlock). Still holds off a deletion.
            .for('no key update')
        : await tx
            .select({ authorId: comments.authorId, slug: posts.slug, status: posts.status, deletedAt: comments.deletedAt })
            .from(comments)
            .innerJoin(posts, eq(posts.id, comments.postId))
            .where(eq(comments.id, input.targetId))
            .for('share', { of: comments });
    if (!target || target.status !== 'published' || target.deletedAt) return gone;
    // Taking a reaction back crosses nothing; giving one does.
    if (input.on && (await crossesBlock(tx, viewerId, target.authorId))) return { ok: false, message: BLOCKED.reaction };

    const where = and(
      eq(reactions.userId, viewerId),
      input.target === 'post' ? eq(reactions.postId, input.targetId) : eq(reactions.commentId, input.targetId),
      eq(reactions.kind, input.kind),
    );
    if (!input.on) {
      await tx.delete(reactions).where(where);
      return { ok: true as const, slug: target.slug, added: false };
    }
    const inserted = await tx
      .insert(reactions)
      .values({
        userId: viewerId,
        postId: input.target === 'post' ? input.targetId : null,
        commentId: input.target === 'comment' ? input.targetId : null,
        targetAuthorId: target.authorId,
        kind: input.kind,
      })
      .onConflictDoNothing()
      .returning({ kind: reactions.kind });
    if (inserted.length) {
      await recordEvent(tx, {
        type: 'reaction.added',
        actorId: viewerId,
        data: { [input.target === 'post' ? 'postId' : 'commentId']: input.targetId, kind: input.kind, targetAuthorId: target.authorId },
      });
      await noteInteraction(tx, viewerId, target.authorId);
    }
    return { ok: true as const, slug: target.slug, added: inserted.length > 0 };
  });
}
