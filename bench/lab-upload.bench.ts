/**
 * Lab results at scale, each figure beside a same-run reference:
 *  1. bulk upload of N results (default 100,000) through the real upload service (CSV parse, mapping,
 *     per-chunk transactions with the tube checks, progress rows), checked complete (every row done, none
 *     failed). Reference: a raw batched insert of the same rows (2,000 a statement) into a real copy of
 *     lab_results (same columns, indexes and defaults; dropped afterwards). Fresh received tubes each round;
 *     both warmed first; rounds alternate reference and product (order swapped each round).
 *     Goal (issue #11): product ÷ reference ≥ 0.5×; and < 10 s for 100,000 rows.
 *     Then the same file again (idempotent: answered with the first report).
 *  2. a citizen's result lookup (the queries of GET /api/me/results) vs a primary-key lookup (figures only).
 *
 *   npx tsx bench/lab-upload.bench.ts [--rows 100000] [--rounds 3]
 *   BENCH_PG=throwaway npx tsx bench/lab-upload.bench.ts      (PostgreSQL with fsync on)
 */
import { randomUUID } from 'node:crypto';
import { arg, positional } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { benchLabAndSession } from './lib/lab-setup';
import { alternate, ratioLine } from './lib/rounds';
import { summary, timeEach } from './lib/stats';
import type { Actor } from '../apps/server/src/core/auth/actor';
import { labUploadService, drainUploads } from '../apps/server/src/modules/lab/lab.upload.service';
import { findUpload } from '../apps/server/src/modules/lab/lab.upload.repository';
import { pendingRetests, resultsOfPeople } from '../apps/server/src/modules/results/results.repository';

const n = arg('rows', positional(100_000));
const rounds = arg('rounds', 3);
const { db, where, done } = await openBenchDb();
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  const { lab, session } = await benchLabAndSession(db);
  /** `count` received tubes with a fresh barcode prefix, and their results as a lab's CSV. */
  const prepare = async (count: number) => {
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const batch = (
      await db.query<{ id: string }>(
        `insert into tube_label_batches (test_type, session_id, prefix, first_seq, count) values ('rt_pcr', $1, 'BN', 1, 3000) returning id`,
        [session],
      )
    )[0]!.id;
    await db.query(
      `insert into tubes (barcode, label_batch_id, session_id, test_type, status, collected_at, commune_code, district_code, province_code, lab_id)
       select $1 || lpad(g::text, 8, '0'), $2, $3, 'rt_pcr', 'received', now() - interval '5 hours', '00001', '001', '01', $4
       from generate_series(1, $5::int) g`,
      [tag, batch, session, lab, count],
    );
    const values = ['POS', 'NEG', 'NEG', 'NEG', 'Âm tính', 'Dương tính'];
    const lines = ['Mã ống,Kết quả,Ct N'];
    for (let i = 1; i <= count; i++) {
      const v = values[i % values.length]!;
      lines.push(
        `${tag}${String(i).padStart(8, '0')},${v},${/POS|Dương/.test(v) ? (20 + (i % 15)).toFixed(1) : ''}`,
      );
    }
    return { tag, batch, csv: Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n') };
  };
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
  let last: Awaited<ReturnType<typeof prepare>> | undefined;
  const product = async (count: number) => {
    const p = await prepare(count);
    last = p;
    const t = performance.now();
    const { view } = await uploads.upload(ctx, new Uint8Array(p.csv));
    await drainUploads();
    const seconds = (performance.now() - t) / 1000;
    const report = (await findUpload(db, view.id))!;
    if (report.status !== 'done' || report.rows_done !== count || report.rows_failed !== 0)
      throw new Error(
        `upload did not complete cleanly: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 3) })}`,
      );
    return { rate: count / seconds, seconds };
  };
  await db.exec('drop table if exists bench_raw_results');
  await db.exec('create table bench_raw_results (like lab_results including all)');
  const reference = async (count: number) => {
    const { tag } = await prepare(count);
    const t = performance.now();
    for (let start = 0; start < count; start += 2000) {
      const ids = Array.from(
        { length: Math.min(2000, count - start) },
        (_, k) => `${tag}${String(start + k + 1).padStart(8, '0')}`,
      );
      await db.query(
        `insert into bench_raw_results (barcode, lab_id, result, entered_by) select b, $2, 'negative', 'bench' from unnest($1::text[]) b`,
        [ids, lab],
      );
    }
    const seconds = (performance.now() - t) / 1000;
    return { rate: count / seconds, seconds };
  };
  const warm = Math.min(n, 5000);
  await reference(warm);
  await product(warm);
  console.log(`lab upload on ${where}: ${n.toLocaleString('en')} rows a round`);
  const { ratios } = await alternate(
    rounds,
    () => reference(n),
    () => product(n),
    (r) => r.rate,
    (round, ref, prod, ratio) =>
      console.log(
        `round ${round}: upload service ${secs(prod.seconds * 1000)} (${prod.rate.toFixed(0)} rows/s)   ` +
          `raw batched insert ${secs(ref.seconds * 1000)} (${ref.rate.toFixed(0)} rows/s)   ${ratio.toFixed(2)}×`,
      ),
  );
  await db.exec('drop table bench_raw_results');

  let t = performance.now();
  const again = await uploads.upload(ctx, new Uint8Array(last!.csv));
  console.log(`same file again: duplicate=${again.duplicate} in ${(performance.now() - t).toFixed(0)} ms`);
  const batch = last!.batch;

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
  console.log(ratioLine('lab-upload (upload service ÷ raw batched insert, rows/s)', ratios, '≥ 0.5×'));
} finally {
  await db.exec('drop table if exists bench_raw_results').catch(() => {});
  await done();
}
