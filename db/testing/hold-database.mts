// Test helper: opens the embedded database in DATA_DIR like the server does, writes rows on
// command, and prints what it did. Commands on stdin: "write <label> <n>", "exit".
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { openPglite, pgliteDir } from '@/db';

const database = openPglite(pgliteDir());
await database.db.execute(sql`create table if not exists lock_probe (label text not null, n int not null)`);
console.log(`ready ${process.pid}`);

for await (const line of createInterface({ input: process.stdin })) {
  const [command, label, count] = line.trim().split(' ');
  if (command === 'write') {
    for (let i = 0; i < Number(count); i++) {
      await database.db.execute(sql`insert into lock_probe (label, n) values (${label}, ${i})`);
    }
    console.log(`wrote ${count}`);
  } else if (command === 'exit') {
    await database.close();
    console.log('closed');
    process.exit(0);
  }
}
