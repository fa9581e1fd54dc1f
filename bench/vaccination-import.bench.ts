/**
 * Bulk import of dose records (issue #12 §4), beside a same-run reference:
 *  product: N dirty rows (default 1,000,000) normalised (dates as typed, names in any case, phones in any
 *    national form, vaccine names as typed, IDs that lost their leading zero), matched against P people
 *    (default 10,000,000; CCCD, then phone + birth year, then name + birth date + commune; 8 % new people)
 *    and applied through the import's own batch path (applyDoseRows: people created, doses written as
 *    source 'import', numbered, events, audit, progress), 2,000 rows a transaction. Certificates are not
 *    in it: they are issued after commit from the dose events (vaccination.certificates.after-dose.ts);
 *    `--certificates` then drains those events through that handler and prints its rate apart.
 *  reference: a raw batched insert of the same doses (2,000 a statement, person ids known) into a copy of
 *    vaccination_doses (same columns, indexes, defaults; dropped afterwards).
 *  Rounds alternate (order swapped each round); each round's rows are new doses (another day).
 *  Goal: under 60 s for 1,000,000 rows on PostgreSQL, and product ÷ reference ≥ 0.3×.
 *
 *   npx tsx bench/vaccination-import.bench.ts [--rows 1000000] [--people 10000000] [--rounds 3] [--certificates]
 *   BENCH_PG=throwaway npx tsx bench/vaccination-import.bench.ts      (PostgreSQL with fsync on)
 */
import { randomUUID } from 'node:crypto';
import { arg, flag } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { withKeysSecret } from '../apps/server/src/core/crypto/keys-secret';
import { alternate, fmtSpread, ratioLine, spread } from './lib/rounds';
import type { Actor } from '../apps/server/src/core/auth/actor';
import type { Queryable } from '../apps/server/src/core/db/db';
import { deploymentStructure } from '../apps/server/src/core/units/deployment';
import { signingKey } from '../apps/server/src/modules/keys';
import { catalogueInForce, vaccinationCertificateHandler } from '../apps/server/src/modules/vaccination';
import { dispatchEventsOnce } from '../apps/server/src/core/events/dispatch';
import type { EventHandler } from '../apps/server/src/core/events/handler';
import {
  applyDoseRows,
  type ImportRowInput,
  type ImportScope,
} from '../apps/server/src/modules/vaccination/vaccination.import.apply';
import { IMPORT_BATCH_ROWS } from '../apps/server/src/modules/vaccination/vaccination.import.service';

const rowsPerRound = arg('rows', 1_000_000);
const peopleCount = arg('people', 10_000_000);
const rounds = arg('rounds', 3);
const certificates = flag('certificates');
// `--profile`: the product's time per statement (its first words) and in the process, printed per round.
const profile = flag('profile');
const spent = new Map<string, { ms: number; n: number }>();
function timed<T extends Queryable>(q: T): T {
  if (!profile) return q;
  return new Proxy(q, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      if ((key !== 'query' && key !== 'exec') || typeof v !== 'function') return v;
      return async (sql: string, ...rest: unknown[]) => {
        const t0 = performance.now();
        try {
          return await (v as (...a: unknown[]) => Promise<unknown>).call(target, sql, ...rest);
        } finally {
          const k = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
          const e = spent.get(k) ?? { ms: 0, n: 0 };
          e.ms += performance.now() - t0;
          e.n++;
          spent.set(k, e);
        }
      };
    },
  });
}
function printProfile(totalMs: number) {
  if (!profile) return;
  let inDb = 0;
  for (const [k, v] of [...spent].sort((a, b) => b[1].ms - a[1].ms)) {
    inDb += v.ms;
    console.log(`    ${(v.ms / 1000).toFixed(2).padStart(7)} s ${String(v.n).padStart(6)}× ${k}`);
  }
  console.log(
    `    ${((totalMs - inDb) / 1000).toFixed(2).padStart(7)} s in the process (normalising, matching up)`,
  );
  spent.clear();
}
const bench = await openBenchDb();
const { where, done } = bench;
// The certificates' handler signs with the platform's key, whose secret is bound to the handle at start.
const db = withKeysSecret(bench.db, 'bench-keys-secret-vaccination-import');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Valid province codes; a person's number is province (g ÷ 1,000,000) + century/sex 0 + yy + serial. */
const PROVINCES = ['001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019'];
const cccdOf = (g: number) =>
  `${PROVINCES[Math.floor(g / 1_000_000)]}0${60 + (g % 40)}${String(g % 1_000_000).padStart(6, '0')}`;
const phoneOf = (g: number) => `+849${String(g).padStart(8, '0')}`;
const yearOf = (g: number) => 1960 + (g % 40);
const dobOf = (g: number) =>
  `${yearOf(g)}-${String(1 + (g % 12)).padStart(2, '0')}-${String(1 + (g % 28)).padStart(2, '0')}`;
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hoa', 'Lan', 'Minh', 'Ngọc', 'Phúc', 'Quân', 'Sơn', 'Thảo'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const nameOf = (g: number) => `${FAMILY[g % 8]} Văn ${GIVEN[Math.floor(g / 8) % 12]} ${g}`;

try {
  console.log(
    `vaccination import: ${rowsPerRound} rows × ${rounds} rounds against ${peopleCount} people; ${where}`,
  );
  const have = (await db.query<{ n: number }>('select count(*)::int as n from persons'))[0]!.n;
  if (have < peopleCount) {
    const t0 = performance.now();
    const step = 500_000;
    for (let from = have + 1; from <= peopleCount; from += step) {
      const to = Math.min(peopleCount, from + step - 1);
      // The same people the rows name: CCCD (checksum-free format: 0 + province 01 + century/sex 0 + yy + serial),
      // a mobile, a name with a number (unique), birth date; all in Phúc Xá.
      await db.query(
        `insert into persons (full_name, name_folded, birth_date, birth_year, sex, cccd, phones, commune_code, district_code, province_code)
         select f.name, lower(f.folded), f.dob, extract(year from f.dob)::int, 'male', f.cccd, array[f.phone], '00001', '001', '01'
         from generate_series($1::int, $2::int) g
         cross join lateral (select
           (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[g % 8 + 1] || ' Văn ' ||
             (array['An','Bình','Cường','Dũng','Hoa','Lan','Minh','Ngọc','Phúc','Quân','Sơn','Thảo'])[(g / 8) % 12 + 1] || ' ' || g as name,
           (array['nguyen','tran','le','pham','hoang','vu','dang','bui'])[g % 8 + 1] || ' van ' ||
             (array['an','binh','cuong','dung','hoa','lan','minh','ngoc','phuc','quan','son','thao'])[(g / 8) % 12 + 1] || ' ' || g as folded,
           make_date(1960 + g % 40, 1 + g % 12, 1 + g % 28) as dob,
           (array['001','002','004','006','008','010','011','012','014','015','017','019'])[g / 1000000 + 1]
             || '0' || (60 + g % 40)::text || lpad((g % 1000000)::text, 6, '0') as cccd,
           '+849' || lpad(g::text, 8, '0') as phone) f
`,
        [from, to],
      );
      process.stdout.write(`\r  people ${to}/${peopleCount} (${secs(performance.now() - t0)})`);
    }
    console.log(`\n  generated in ${secs(performance.now() - t0)}`);
  }
  // A registry in service has been vacuumed and analysed (autovacuum); one just bulk-loaded has not:
  // its phone GIN index still has every entry in the pending list, read linearly by each lookup.
  await db.exec('vacuum analyze persons');
  const ids = new Map<number, string>();
  const catalogue = await catalogueInForce(db, 'covid-19', new Date());
  await signingKey(db, 'dcc'); // made outside any transaction, as the import service does
  const handler = vaccinationCertificateHandler(db);
  const actor: Actor = {
    kind: 'staff',
    accountId: 'bench-officer',
    role: 'commune_officer',
    unitCode: '00001',
    facilityId: null,
    displayName: 'bench',
  };
  const PRODUCTS = ['Astra', 'AZ', 'astrazeneca', 'Pfizer', 'PFIZER', 'Vero cell', 'Sino', 'Moderna'];

  /** Round r's rows: distinct people (so each is a new dose), with the dirt provinces' lists have. */
  function rowsOf(r: number): { rows: ImportRowInput[]; g: number[] } {
    const rows: ImportRowInput[] = [];
    const gs: number[] = [];
    const day = new Date(Date.UTC(2021, 5, 1 + r * 3));
    const base = (r * rowsPerRound) % Math.max(1, peopleCount - rowsPerRound);
    for (let i = 0; i < rowsPerRound; i++) {
      const g = base + i + 1;
      const d = day.getUTCDate();
      const m = day.getUTCMonth() + 1;
      const date = [
        `${d}/${m}/2021`,
        `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/2021`,
        `2021-${m}-${d}`,
        `${d}/${m}/21`,
      ][i % 4]!;
      const kind = i % 25;
      const cells: ImportRowInput['cells'] = { product: PRODUCTS[i % PRODUCTS.length]!, date };
      if (kind < 2) {
        // a new person (8 %): not in the registry
        cells.fullName = `trần thị mới ${r}-${i}`.toUpperCase();
        cells.birth = String(1950 + (i % 50));
      } else if (kind < 16) {
        const c = cccdOf(g);
        cells.idNumber = i % 3 === 0 ? c.slice(1) : i % 3 === 1 ? c.replace(/(\d{3})(\d{3})/, '$1 $2 ') : c;
        cells.fullName = nameOf(g).toUpperCase();
        cells.birth = String(yearOf(g));
      } else if (kind < 22) {
        const p = `0${phoneOf(g).slice(3)}`;
        cells.phone = i % 2 ? p.replace(/(\d{4})(\d{3})/, '$1.$2.') : `+84 ${p.slice(1)}`;
        cells.birth = String(yearOf(g));
        cells.fullName = nameOf(g).toLowerCase();
      } else {
        const [y, mo, dd] = dobOf(g).split('-');
        cells.fullName = nameOf(g).toLowerCase();
        cells.birth = `${Number(dd)}/${Number(mo)}/${y}`;
      }
      rows.push({ row: i + 2, cells });
      gs.push(kind < 2 ? -1 : g);
    }
    return { rows, g: gs };
  }

  await db.exec('drop table if exists bench_ref_doses');
  await db.exec('create table bench_ref_doses (like vaccination_doses including all)');

  const product = async (r: number) => {
    const { rows } = rowsOf(r);
    const importId = (
      await db.query<{ id: string }>(
        `insert into vaccination_imports (kind, sha256, format, header_row, columns, rows_total, uploaded_by_account_id, actor)
         values ('doses', $1, 'csv', 1, '{}', $2, 'bench-officer', $3) returning id::text`,
        [randomUUID(), rows.length, JSON.stringify(actor)],
      )
    )[0]!.id;
    const structure = await deploymentStructure(db);
    const scope: ImportScope = {
      importId,
      actor,
      defaultCommune: '00001',
      structure,
      fileStructure: structure,
      communes: new Map(),
    };
    const t0 = performance.now();
    let applied = 0;
    for (let at = 0; at < rows.length; at += IMPORT_BATCH_ROWS) {
      const batch = rows.slice(at, at + IMPORT_BATCH_ROWS);
      await db.transaction(async (tx) => {
        const out = await applyDoseRows(timed(tx), { actor }, scope, batch, catalogue);
        applied += out.filter((o) => o.kind === 'applied').length;
        await tx.query('update vaccination_imports set rows_done = rows_done + $2 where id = $1', [
          importId,
          batch.length,
        ]);
      });
    }
    const ms = performance.now() - t0;
    printProfile(ms);
    if (applied !== rows.length) throw new Error(`round ${r}: ${applied}/${rows.length} rows applied`);
    if (certificates) {
      // After commit, as the app's dispatcher does: one transaction per dose event, outside the import's time.
      const c0 = performance.now();
      const only = [handler as unknown as EventHandler];
      let runs = 0;
      for (let n; (n = await dispatchEventsOnce(db, only, { batch: 500 })) > 0;) runs += n;
      const cs = (performance.now() - c0) / 1000;
      console.log(
        `  round ${r}: then ${runs} certificates after commit in ${cs.toFixed(1)} s (${Math.round(runs / cs)}/s)`,
      );
    }
    return { ms, rows: rows.length };
  };

  const reference = async (r: number) => {
    const { g } = rowsOf(r);
    // The reference knows every person already (it does no matching): ids for the rows' people.
    const need = g.filter((x) => x > 0 && !ids.has(x));
    for (let at = 0; at < need.length; at += 50_000) {
      const part = need.slice(at, at + 50_000);
      const gOf = new Map(part.map((x) => [cccdOf(x), x]));
      for (const row of await db.query<{ id: string; cccd: string }>(
        'select id::text, cccd from persons where cccd = any($1::text[])',
        [[...gOf.keys()]],
      ))
        ids.set(gOf.get(row.cccd)!, row.id);
    }
    const t0 = performance.now();
    for (let at = 0; at < g.length; at += IMPORT_BATCH_ROWS) {
      const part = g.slice(at, at + IMPORT_BATCH_ROWS);
      await db.query(
        `insert into bench_ref_doses (client_id, person_id, disease, product_mp, dose_number, administered_at, administered_on, source, commune_code, district_code, province_code)
         select gen_random_uuid(), coalesce(u.p, gen_random_uuid()), 'covid-19', 'EU/1/21/1529', 1, $2::date + time '12:00', $2::date, 'import', '00001', '001', '01'
         from unnest($1::uuid[]) as u(p)`,
        [
          part.map((x) => (x > 0 ? (ids.get(x) ?? null) : null)),
          new Date(Date.UTC(2021, 5, 1 + r * 3)).toISOString().slice(0, 10),
        ],
      );
    }
    return { ms: performance.now() - t0, rows: g.length };
  };

  const { ratios, products, refs } = await alternate(
    rounds,
    reference,
    product,
    (x) => x.rows / x.ms,
    (round, ref, prod, ratio) =>
      console.log(
        `  round ${round}: import ${secs(prod.ms)} (${Math.round((prod.rows / prod.ms) * 1000)} rows/s) · raw insert ${secs(ref.ms)} (${Math.round((ref.rows / ref.ms) * 1000)} rows/s) · ${ratio.toFixed(2)}×`,
      ),
  );
  console.log(
    `  import time: ${fmtSpread(spread(products.map((p) => p.ms / 1000)), 1, ' s')}; raw insert: ${fmtSpread(spread(refs.map((p) => p.ms / 1000)), 1, ' s')}`,
  );
  console.log(
    ratioLine(
      `vaccination import of ${rowsPerRound} rows against ${peopleCount} people`,
      ratios,
      '≥ 0.3× and < 60 s for 1,000,000 rows on PostgreSQL',
    ),
  );
  await db.exec('drop table if exists bench_ref_doses');
} finally {
  await done();
}
