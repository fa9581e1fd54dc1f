/**
 * Child process of pglite-flush.test.ts, run under strace. Opens the embedded default database the
 * way the server does (openDatabase without DATABASE_URL), then makes commits of every shape the
 * server makes: single statements (a check-in group is one), explicit transactions, and concurrent
 * ones. After each commit is acknowledged (its promise resolved) it fsyncs a marker file, so the
 * trace shows, in order, every WAL flush and every acknowledgement.
 *
 *   node --import tsx probe.ts <dataDir> <ackMarkerFile>
 */
import fs from 'node:fs';
import { openDatabase } from '../open';

const [dataDir, markerFile] = process.argv.slice(2) as [string, string];
const db = await openDatabase({ databaseUrl: undefined, dataDir });
await db.exec('create table if not exists probe (id int primary key, note text)');
const marker = fs.openSync(markerFile, 'w');
let acknowledged = 0;
const ack = () => {
  acknowledged++;
  fs.fsyncSync(marker);
};

let id = 0;
for (let i = 0; i < 20; i++) {
  await db.query('insert into probe values ($1, $2)', [++id, 'single']);
  ack();
}
for (let i = 0; i < 10; i++) {
  await db.transaction(async (tx) => {
    await tx.query('insert into probe values ($1, $2)', [++id, 'tx']);
    await tx.query('update probe set note = $2 where id = $1', [id, 'tx updated']);
  });
  ack();
}
await Promise.all(
  Array.from({ length: 10 }, () =>
    db.transaction((tx) => tx.query('insert into probe values ($1, $2)', [++id, 'concurrent'])).then(ack),
  ),
);
fs.closeSync(marker);
console.log(JSON.stringify({ acknowledged }));
await db.close();
