import type { Db } from '@/db';
import { events, type EventType } from '@/db/schema';
import { notifyFromEvent } from './notifications';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Appends to the event log inside the caller's transaction, so the trace and the change agree —
 * and tells whoever should hear about it (db/queries/notifications.ts), in the same transaction.
 */
export async function recordEvent(
  tx: Tx,
  event: {
    type: EventType;
    actorId?: string | null;
    mentorId?: string;
    menteeId?: string;
    requestId?: string;
    mentorshipId?: string;
    data?: Record<string, unknown>;
    at?: Date;
  },
) {
  await tx.insert(events).values({ ...event, data: event.data ?? {}, createdAt: event.at ?? new Date() });
  await notifyFromEvent(tx, event);
}

export type { Tx };
