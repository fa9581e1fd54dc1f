/**
 * The check-in server in a child process, so a bench can trace it (strace) or kill it (kill -9):
 * the real application on the embedded default database in `<dataDir>` (or DATABASE_URL), with a
 * citizen and 20 venue posters. Prints one JSON line {url, cookie, tokens} when ready; each line
 * read on stdin is answered with {commits}: the check-in group commits so far (one audit entry each).
 *
 *   node --import tsx bench/lib/checkins-child.ts <dataDir>
 */
import readline from 'node:readline';
import { openDatabase } from '../../apps/server/src/core/db/open';
import { migrate } from '../../apps/server/src/core/db/migrate';
import { loadReferenceData } from '../../apps/server/src/core/db/reference-data';
import { checkinApp } from './checkins-setup';

const dataDir = process.argv[2]!;
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
await migrate(db);
await loadReferenceData(db);
const { app, url, cookie, tokens } = await checkinApp(db, 20);
console.log(JSON.stringify({ url, cookie, tokens }));

const commits = async () =>
  (
    await db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'checkin.create'`)
  )[0]!.n;
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', () => void commits().then((n) => console.log(JSON.stringify({ commits: n }))));
lines.on('close', () => void app.close().then(() => db.close()));
