/**
 * Lab results at scale, each figure beside a same-run reference:
 *  1. bulk upload of N results (default 100,000) through the real upload service (CSV parse, mapping,
 *     per-chunk transactions with the tube checks, progress rows) vs a raw batched insert of the same
 *     rows into a copy of lab_results; then the same file again (idempotent: the first report).
 *  2. a citizen's result lookup (the queries of GET /api/me/results) vs a primary-key lookup.
 *
 *   npx tsx bench/lab-upload.bench.ts 100000
 *   DATABASE_URL=postgres://… npx tsx bench/lab-upload.bench.ts 100000
 */
import { randomUUID } from 'node:crypto';
import { openBenchDb } from './lib/bench-db';
import { summary, timeEach } from './lib/stats';
import type { Actor } from '../apps/server/src/core/auth/actor';
import { labUploadService, drainUploads } from '../apps/server/src/modules/lab/lab.upload.service';
import { findUpload } from '../apps/server/src/modules/lab/lab.upload.repository';
import { pendingRetests, resultsOfPeople } from '../apps/server/src/modules/results/results.repository';

const n = Number(process.argv[2] ?? 100_000);
const { db, where } = await openBenchDb();
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const lab = (
    await db.query<{ id: string }>(
      `insert into labs (code, name, commune_code, district_code, province_code) values ($1, 'Bench lab', '00001', '001', '01') returning id`,
      [`BENCH-${tag}`],
    )
  )[0]!.id;
  const session = (
    await db.query<{ id: string }>(
      `insert into testing_sessions (name, kind, test_type, session_date, pool_size, lab_id, commune_code, district_code, province_code)
       values ('bench', 'mass', 'rt_pcr', current_date, 1, $1, '00001', '001', '01') returning id`,
      [lab],
    )
  )[0]!.id;
  const batch = (
    await db.query<{ id: string }>(
      `insert into tube_label_batches (test_type, session_id, prefix, first_seq, count) values ('rt_pcr', $1, 'BN', 1, 3000) returning id`,
      [session],
    )
  )[0]!.id;
  let t = performance.now();
  await db.query(
    `insert into tubes (barcode, label_batch_id, session_id, test_type, status, collected_at, commune_code, district_code, province_code, lab_id)
     select $1 || lpad(g::text, 8, '0'), $2, $3, 'rt_pcr', 'received', now() - interval '5 hours', '00001', '001', '01', $4
     from generate_series(1, $5::int) g`,
    [tag, batch, session, lab, n],
  );
  console.log(
    `${where}: ${n.toLocaleString('en')} received tubes prepared in ${secs(performance.now() - t)}`,
  );

  const values = ['POS', 'NEG', 'NEG', 'NEG', 'Âm tính', 'Dương tính'];
  const lines = ['Mã ống,Kết quả,Ct N'];
  for (let i = 1; i <= n; i++) {
    const v = values[i % values.length]!;
    lines.push(
      `${tag}${String(i).padStart(8, '0')},${v},${/POS|Dương/.test(v) ? (20 + (i % 15)).toFixed(1) : ''}`,
    );
  }
  const csv = Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n');
  const actor: Actor = {
    kind: 'staff',
    accountId: 'bench',
    role: 'lab_technician',
    unitCode: '001',
    facilityId: lab,
    displayName: 'bench',
  };
  const ctx = { actor, ip: '127.0.0.1', requestId: 'bench' };
  const uploads = labUploadService(db);
  await uploads.putMapping(ctx, {
    barcodeColumn: 'Mã ống',
    resultColumn: 'Kết quả',
    resultValues: { positive: ['POS', 'Dương tính'], negative: ['NEG', 'Âm tính'], invalid: [] },
    ctColumns: { N: 'Ct N' },
  });

  t = performance.now();
  const { view } = await uploads.upload(ctx, new Uint8Array(csv));
  const accepted = performance.now() - t;
  await drainUploads();
  const uploadMs = performance.now() - t;
  const report = (await findUpload(db, view.id))!;
  if (report.status !== 'done' || report.rows_done !== n || report.rows_failed !== 0)
    throw new Error(
      `upload did not complete cleanly: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 3) })}`,
    );
  console.log(
    `upload service: ${n.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB CSV) in ${secs(uploadMs)} ` +
      `(202 after ${secs(accepted)}; ${Math.round(n / (uploadMs / 1000)).toLocaleString('en')} rows/s) — goal < 10 s`,
  );

  t = performance.now();
  const again = await uploads.upload(ctx, new Uint8Array(csv));
  console.log(`same file again: duplicate=${again.duplicate} in ${(performance.now() - t).toFixed(0)} ms`);

  await db.exec('create table if not exists bench_raw_results (like lab_results including all)');
  await db.exec('truncate bench_raw_results');
  t = performance.now();
  for (let start = 0; start < n; start += 2000) {
    const ids = Array.from(
      { length: Math.min(2000, n - start) },
      (_, k) => `${tag}${String(start + k + 1).padStart(8, '0')}`,
    );
    await db.query(
      `insert into bench_raw_results (barcode, lab_id, result, entered_by) select b, $2, 'negative', 'bench' from unnest($1::text[]) b`,
      [ids, lab],
    );
  }
  const rawMs = performance.now() - t;
  console.log(
    `raw batched insert into a copy of lab_results (2,000 a statement, no checks): ${n.toLocaleString('en')} rows in ${secs(rawMs)}`,
  );
  await db.exec('drop table bench_raw_results');

  // Citizen lookup: person_results for n people (released), then the /api/me/results queries.
  t = performance.now();
  await db.query(
    `insert into person_results (person_id, barcode, result, test_type, pooled, collected_at, released_at, lab_id, lab_name)
     select gen_random_uuid(), barcode, 'negative', 'rt_pcr', false, collected_at, now(), lab_id, 'Bench lab'
     from tubes where label_batch_id = $1`,
    [batch],
  );
  const people = await db.query<{ id: string; person_id: string }>(
    'select id, person_id from person_results where lab_name = $1 order by random() limit 2000',
    ['Bench lab'],
  );
  console.log(`${n.toLocaleString('en')} person results prepared in ${secs(performance.now() - t)}`);
  const runs = Math.min(2000, people.length);
  const lookup = await timeEach(runs, async (i) => {
    const ids = [people[i]!.person_id];
    await resultsOfPeople(db, ids);
    await pendingRetests(db, ids);
  });
  const pk = await timeEach(runs, (i) =>
    db.query('select * from person_results where id = $1', [people[i]!.id]),
  );
  console.log(summary('citizen result lookup (results + re-tests)', lookup));
  console.log(summary('reference: person_results primary-key lookup', pk));
} finally {
  await db.close();
}
