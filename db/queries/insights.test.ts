import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { follows, mentorProfiles, mentorships, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import type { SendRequestInput } from '@/lib/validation/requests';
import { computeInsights } from './insights';
import { endMentorship, postMessage, rateMentorship } from './mentorships';
import { acceptRequest, declineRequest, sendRequest } from './requests';

let database: Database;
let n = 0;
const DAY = 24 * 3600 * 1000;

async function member() {
  n++;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `i_member_${n}`, displayName: `Member ${n}`, email: `i${n}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

async function mentor(capacity = 20) {
  const id = await member();
  await database.db.insert(mentorProfiles).values({ userId: id, headline: 'Mentor', timezone: 'UTC', languages: ['en'], capacity });
  return id;
}

const ask = (mentorId: string): SendRequestInput => ({
  mentorId,
  message: 'Hello! I would like to learn how to lead a team well; your posts convinced me to ask you.',
  goal: ['Lead a team'],
  cadence: 'weekly',
  lengthWeeks: 8,
});

async function request(mentorId: string, warm: boolean) {
  const mentee = await member();
  if (warm) {
    const before = new Date(Date.now() - DAY);
    await database.db.insert(follows).values([
      { followerId: mentee, followeeId: mentorId, createdAt: before },
      { followerId: mentorId, followeeId: mentee, createdAt: before },
    ]);
  }
  const sent = await sendRequest(mentee, ask(mentorId));
  if (!sent.ok) throw new Error(sent.message);
  return { mentee, requestId: sent.id };
}

let coldMentor: string;
let warmMentor: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // 10 cold asks, 3 accepted and 7 declined; 4 warm asks, all accepted.
  coldMentor = await mentor();
  for (let i = 0; i < 10; i++) {
    const { requestId } = await request(coldMentor, false);
    if (i < 3) await acceptRequest(coldMentor, requestId);
    else await declineRequest(coldMentor, { requestId, reason: i % 2 ? 'not_a_fit' : 'prefer_to_grow', note: '' });
  }
  warmMentor = await mentor();
  for (let i = 0; i < 4; i++) {
    const { requestId } = await request(warmMentor, true);
    await acceptRequest(warmMentor, requestId);
  }
});
afterAll(() => database.close());

describe('insights', () => {
  it('counts conversion per cohort exactly, with Wilson intervals', async () => {
    const { cohorts } = await computeInsights();
    expect(cohorts['ask-cold'].conversion).toMatchObject({ tried: 10, converted: 3 });
    expect(cohorts['ask-cold'].conversion.interval!.p).toBeCloseTo(0.3, 10);
    expect(cohorts['ask-cold'].conversion.interval!.low).toBeCloseTo(0.1078, 3);
    expect(cohorts['ask-cold'].conversion.interval!.high).toBeCloseTo(0.6032, 3);
    expect(cohorts['ask-warm'].conversion).toMatchObject({ tried: 4, converted: 4 });
    expect(cohorts['ask-cold'].mentorships).toBe(3);
    expect(cohorts['ask-warm'].mentorships).toBe(4);
    expect(cohorts.grow.mentorships).toBe(0);
    expect(cohorts['ask-cold'].medianAnswerHours).toBeGreaterThanOrEqual(0);
  });

  it('scopes to one mentor', async () => {
    const mine = await computeInsights({ mentorId: warmMentor });
    expect(mine.cohorts['ask-cold'].conversion.tried).toBe(0);
    expect(mine.cohorts['ask-warm'].conversion).toMatchObject({ tried: 4, converted: 4 });
  });

  it('estimates retention with Kaplan–Meier, treating running mentorships as censored', async () => {
    const mentorId = await mentor();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { requestId } = await request(mentorId, false);
      const accepted = await acceptRequest(mentorId, requestId);
      ids.push(accepted.ok ? accepted.mentorshipId : '');
    }
    // Started 10 weeks ago: one ends now (at 10 weeks), three run on (censored at 10 weeks).
    const started = new Date(Date.now() - 70 * DAY);
    for (const id of ids) await database.db.update(mentorships).set({ startedAt: started, firstContactAt: started }).where(eq(mentorships.id, id));
    const [first] = ids;
    const [row] = await database.db.select({ menteeId: mentorships.menteeId }).from(mentorships).where(eq(mentorships.id, first!));
    await postMessage(row!.menteeId, first!, 'Thank you for everything.');
    await endMentorship(row!.menteeId, { mentorshipId: first!, outcome: 'completed', reason: 'goals_met', rating: 5, comment: '' });
    await rateMentorship(mentorId, { mentorshipId: first!, rating: 4, comment: '' });

    const { cohorts } = await computeInsights({ mentorId });
    const cold = cohorts['ask-cold'];
    expect(cold.retention.find((r) => r.weeks === 4)?.survival).toBe(1);
    expect(cold.retention.find((r) => r.weeks === 8)?.survival).toBe(1);
    // At 10 weeks 1 of 4 ended: S = 3/4 from then on; 12 and 26 weeks are past every observation.
    expect(cold.retention.find((r) => r.weeks === 12)?.survival).toBeUndefined();
    expect(cold.ends).toEqual({ completed: 1, endedEarly: 0, reasons: { goals_met: 1 } });
    expect(cold.satisfaction).toMatchObject({ byMentors: 4, byMentees: 5, ratings: 2 });
    expect(cold.messagesPerActiveWeek).toBeCloseTo(1 / 10 / 4, 5);
    expect(cold.goalsDone).toMatchObject({ p: 0 });
  });
});
