import { database } from '@/db';

export const dynamic = 'force-dynamic';

const TIMEOUT_MS = 3000;
const headers = { 'Cache-Control': 'no-store' };

export async function GET() {
  let kind: 'pglite' | 'postgres' | 'unknown' = 'unknown';
  try {
    const db = database();
    kind = db.kind;
    await Promise.race([
      db.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database timed out')), TIMEOUT_MS).unref()),
    ]);
    return Response.json({ status: 'ok', db: kind }, { headers });
  } catch {
    return Response.json({ status: 'unavailable', db: kind }, { status: 503, headers });
  }
}
