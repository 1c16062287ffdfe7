import 'server-only';
import { and, eq, isNull, or } from 'drizzle-orm';
import { db } from '@/db';
import { uniqueViolation } from '@/db/errors';
import { comments, mentorshipMessages, mentorships, posts, reports, users } from '@/db/schema';
import { REPORT_REFUSALS, type ReportRefusal } from '@/lib/reports';
import type { ReportInput } from '@/lib/validation/reports';

export type ReportResult = { ok: true; id: string } | { ok: false; code: ReportRefusal; message: string };
const refuse = (code: ReportRefusal): ReportResult => ({ ok: false, code, message: REPORT_REFUSALS[code] });

/**
 * Whose the reported thing is, if the viewer can see it: a published post that is not hidden
 * (or their own), a live comment under one, any member's profile, a message in a mentorship
 * they are part of. Anything else is "not found", exactly as if it did not exist.
 */
async function ownerOf(viewerId: string, target: Pick<ReportInput, 'targetType' | 'targetId'>): Promise<string | undefined> {
  switch (target.targetType) {
    case 'post': {
      const [post] = await db()
        .select({ authorId: posts.authorId, status: posts.status, hiddenAt: posts.hiddenAt })
        .from(posts)
        .where(eq(posts.id, target.targetId));
      if (!post) return undefined;
      return post.authorId === viewerId || (post.status === 'published' && !post.hiddenAt) ? post.authorId : undefined;
    }
    case 'comment': {
      const [comment] = await db()
        .select({ authorId: comments.authorId })
        .from(comments)
        .innerJoin(posts, eq(posts.id, comments.postId))
        .where(
          and(
            eq(comments.id, target.targetId),
            isNull(comments.deletedAt),
            isNull(comments.hiddenAt),
            eq(posts.status, 'published'),
            isNull(posts.hiddenAt),
          ),
        );
      return comment?.authorId;
    }
    case 'user': {
      const [user] = await db().select({ id: users.id }).from(users).where(eq(users.id, target.targetId));
      return user?.id;
    }
    case 'message': {
      const [message] = await db()
        .select({ authorId: mentorshipMessages.authorId })
        .from(mentorshipMessages)
        .innerJoin(mentorships, eq(mentorships.id, mentorshipMessages.mentorshipId))
        .where(
          and(eq(mentorshipMessages.id, target.targetId), or(eq(mentorships.mentorId, viewerId), eq(mentorships.menteeId, viewerId))),
        );
      return message?.authorId;
    }
  }
}

/**
 * Files a report for the moderators' queue. Reporting across a block is allowed: it is often
 * why someone blocked. One open report per member and thing, held by a partial unique index.
 */
export async function reportContent(viewerId: string, input: ReportInput): Promise<ReportResult> {
  const ownerId = await ownerOf(viewerId, input);
  if (!ownerId) return refuse('not_found');
  if (ownerId === viewerId) return refuse('own');
  try {
    const [row] = await db()
      .insert(reports)
      .values({
        reporterId: viewerId,
        targetType: input.targetType,
        targetId: input.targetId,
        targetUserId: ownerId,
        category: input.category,
        note: input.note,
      })
      .returning({ id: reports.id });
    return { ok: true, id: row!.id };
  } catch (error) {
    if (uniqueViolation(error) === 'reports_one_open_per_reporter') return refuse('duplicate');
    throw error;
  }
}
