/**
 * Where the lab upload's time goes: the phases of one upload of N rows (parse, row checks, the tube and
 * result lookup, the result upsert, progress) timed separately, beside a raw batched insert of the same
 * rows (2,000 a statement) into a copy of lab_results. Figures only, for the profile in the README.
 *
 *   npx tsx bench/perf/lab-upload-phases.ts [--rows 20000]
 *   BENCH_PG=throwaway npx tsx bench/perf/lab-upload-phases.ts
 */
import { randomUUID } from 'node:crypto';
import { arg } from '../lib/args';
import { openBenchDb } from '../lib/bench-db';
import { benchLabAndSession } from '../lib/lab-setup';
import { readLabSheet, resolveColumns, rowToInput } from '../../apps/server/src/modules/lab/lab.upload.parse';
import { tubesWithResults, upsertResults } from '../../apps/server/src/modules/lab/lab.repository';
import { checkEntry } from '../../apps/server/src/modules/lab/lab.entry';

const n = arg('rows', 20_000);
const chunkRows = arg('chunk', 5000);
const { db, where, done } = await openBenchDb();
const phases: Record<string, number> = {};
const time = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const r = await fn();
  phases[name] = (phases[name] ?? 0) + performance.now() - t;
  return r;
};
try {
  const { lab, session } = await benchLabAndSession(db);
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
    [tag, batch, session, lab, n],
  );
  const lines = ['Mã ống,Kết quả,Ct N'];
  for (let i = 1; i <= n; i++)
    lines.push(`${tag}${String(i).padStart(8, '0')},${i % 3 ? 'NEG' : 'POS'},${i % 3 ? '' : '22.5'}`);
  const csv = new Uint8Array(Buffer.from(lines.join('\r\n') + '\r\n'));
  const mapping = {
    barcodeColumn: 'Mã ống',
    resultColumn: 'Kết quả',
    resultValues: { positive: ['POS'], negative: ['NEG'], invalid: [] },
    ctColumns: { N: 'Ct N' },
  };
  const total = performance.now();
  const sheet = await time('parse file', () => readLabSheet(csv, mapping));
  const cols = resolveColumns(sheet.header, mapping);
  for (let start = 0; start < sheet.rows.length; start += chunkRows) {
    const chunk = sheet.rows.slice(start, start + chunkRows);
    const inputs = await time('rows to inputs', () =>
      chunk.map((r) => rowToInput(r.cells, cols, mapping)).flatMap((p) => (p.ok ? [p.input] : [])),
    );
    await db.transaction(async (tx) => {
      const { tubes, results } = await time('tube + result lookup', () =>
        tubesWithResults(
          tx,
          inputs.map((i) => i.barcode),
        ),
      );
      const writes = await time('rule checks', () =>
        inputs.flatMap((i) => {
          const c = checkEntry(i, lab, tubes.get(i.barcode), results.get(i.barcode));
          return c.ok && c.write ? [c.write] : [];
        }),
      );
      await time('result upsert', () => upsertResults(tx, lab, 'bench', null, writes));
    });
  }
  const product = performance.now() - total;
  await db.exec('create table bench_raw_results (like lab_results including all)');
  const t = performance.now();
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
  const reference = performance.now() - t;
  console.log(`lab upload phases on ${where}, ${n} rows, chunks of ${chunkRows}`);
  for (const [k, v] of Object.entries(phases))
    console.log(`  ${k.padEnd(22)} ${v.toFixed(0).padStart(7)} ms`);
  console.log(
    `  total (no progress row) ${product.toFixed(0).padStart(6)} ms; raw batched insert ${reference.toFixed(0)} ms; ratio ${(reference / product).toFixed(2)}×`,
  );
} finally {
  await db.exec('drop table if exists bench_raw_results').catch(() => {});
  await done();
}
