import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from './events';

/**
 * Locks the post a comment is under, before the comment itself. Every change to a comment that
 * moves the post's counter (migration 0009's trigger updates the post row) takes the post first,
 * as addComment does: one order for all, so two of them never wait for each other.
 */
export async function lockPostOfComment(tx: Tx, commentId: string) {
  await tx.execute(sql`select 1 from posts where id = (select post_id from comments where id = ${commentId}) for no key update`);
}
