/**
 * Vaccination certificates issued per second (issue #12 §Tests and figures), three products, each beside
 * a raw WebCrypto ECDSA P-256 sign of as many bytes as the certificate's COSE_Sign1 covers, same process:
 *  - batch: `reissueVaccinationCertificates` for --batch people in one transaction (persons, latest
 *    doses and certificates in force read set-wise, the old ones revoked, the EU DCC "v" payloads
 *    built, CBOR/COSE signed side by side, zlib, Base45, one insert, commit) — how imported doses'
 *    certificates are issued when a batch of dose events is handled at once; its reference signs the
 *    same number side by side too (Promise.all), so the thread pool helps both alike.
 *  - one per transaction: the same for one person per transaction, as the after-commit handler runs
 *    it per dose event today (a commit each); reference: one sign after another.
 *  - library: `encodeHcert` alone on one payload, one after another; reference: one sign after another.
 * People cycle over --people distinct persons with real dose rows. Rounds alternate reference and
 * product (order swapped each round), both warmed first. Goal: product ÷ reference ≥ 0.5×.
 *
 *   npx tsx bench/vaccination-certificates.bench.ts [--rounds 5] [--ms 2000] [--people 3000] [--batch 100]
 *   BENCH_PG=throwaway npx tsx bench/vaccination-certificates.bench.ts      (PostgreSQL with fsync on)
 */
import { decodeHcert, encodeHcert } from '@phongdich/dcc';
import { arg } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { itemsRate, verifiedRate } from './lib/rate';
import { alternate, ratioLine } from './lib/rounds';
import { withKeysSecret } from '../apps/server/src/core/crypto/keys-secret';
import { signingKey } from '../apps/server/src/modules/keys/keys.service';
import {
  catalogueInForce,
  loadBuiltInCatalogues,
} from '../apps/server/src/modules/vaccination/vaccination.catalogue';
import { nativeZlib } from '../apps/server/src/modules/certificates';
import {
  reissueVaccinationCertificates,
  vaccinationPayload,
} from '../apps/server/src/modules/vaccination/vaccination.certificates';

const rounds = arg('rounds', 5);
const ms = arg('ms', 2000);
const people = arg('people', 3000);
const batch = arg('batch', 100);

const opened = await openBenchDb();
const { where, done } = opened;
// The signing key is encrypted at rest under the server secret, which the app binds to its handle.
const db = withKeysSecret(opened.db, 'bench-secret-not-for-production');
try {
  await loadBuiltInCatalogues(db).catch(() => undefined); // already there when migrations loaded them
  const catalogue = await catalogueInForce(db, 'covid-19', new Date());
  const key = await signingKey(db, 'dcc');
  const ids = (
    await db.query<{ id: string }>(
      `insert into persons (full_name, name_folded, birth_year, birth_date, sex, phones, commune_code, district_code, province_code)
       select 'Nguyễn Văn Tiêm ' || i, 'nguyen van tiem ' || i, 1960 + i % 40, make_date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
              'male', '{}', '00001', '001', '01'
       from generate_series(1, $1) i returning id::text`,
      [people],
    )
  ).map((r) => r.id);
  await db.query(
    `insert into vaccination_doses (client_id, person_id, disease, product_mp, lot_number, dose_number, administered_at,
       administered_on, source)
     select gen_random_uuid(), p, 'covid-19', 'EU/1/21/1529', 'AZ1', 1, now() - interval '30 days',
       (now() - interval '30 days')::date, 'site'
     from unnest($1::uuid[]) p`,
    [ids],
  );
  let next = 0;
  const take = (n: number) => Array.from({ length: n }, () => ids[next++ % ids.length]!);
  const oneByOne = async () => {
    const [personId] = take(1);
    const out = await db.transaction((tx) => reissueVaccinationCertificates(tx, key, [personId!], catalogue));
    return out.length === 1 && out[0]!.uvci.startsWith('URN:UVCI:');
  };
  const batched = async () => {
    const out = await db.transaction((tx) => reissueVaccinationCertificates(tx, key, take(batch), catalogue));
    return out.every((c) => c.uvci.startsWith('URN:UVCI:')) ? out.length : 0;
  };

  // The library alone on the same payload, and the reference on as many bytes as it signs.
  const sample = vaccinationPayload(
    { fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', birthYear: 1990 },
    { id: 'x', product_mp: 'EU/1/21/1529', dose_number: 2, administered_at: new Date() },
    catalogue,
    'URN:UVCI:01:VN:VACC/BENCHBENCHBENCH1#X',
  );
  const encode = () =>
    encodeHcert({
      payload: sample,
      issuer: 'VN',
      issuedAt: new Date(),
      expiresAt: new Date(Date.now() + 365 * 864e5),
      kid: key.kidBytes,
      privateKey: key.privateKey,
      deflate: nativeZlib,
    });
  const { sign1 } = decodeHcert(await encode()).raw;
  const data = new Uint8Array(sign1.payload.length + sign1.protectedBytes.length + 14).fill(7);
  const algo = { name: 'ECDSA', hash: 'SHA-256' } as const;
  const sign = async () => (await crypto.subtle.sign(algo, key.privateKey, data)).byteLength === 64;
  const reference = () => verifiedRate('raw ECDSA sign', sign, { ms, warmup: 50 });
  const referenceBatch = () =>
    itemsRate(
      'raw ECDSA sign, side by side',
      async () => ((await Promise.all(Array.from({ length: batch }, sign))).every(Boolean) ? batch : 0),
      { ms, warmup: 3 },
    );
  const productBatch = () => itemsRate('issue certificates (batch)', batched, { ms, warmup: 2 });
  const productOne = () => verifiedRate('issue certificate', oneByOne, { ms, warmup: 20 });
  const library = () =>
    verifiedRate('encodeHcert', async () => (await encode()).startsWith('HC1:'), { ms, warmup: 50 });
  const line = (what: string) => (round: number, ref: number, prod: number, ratio: number) =>
    console.log(
      `round ${round}: ${what} ${prod.toFixed(0).padStart(6)} /s   raw ECDSA sign ${ref.toFixed(0).padStart(7)} /s   ${ratio.toFixed(2)}×`,
    );

  console.log(
    `vaccination certificates issued on ${where}; ${people} people; batch ${batch}; signed bytes ${data.length}; ${rounds} rounds of ${ms} ms`,
  );
  const inBatches = await alternate(
    rounds,
    referenceBatch,
    productBatch,
    (r) => r,
    line(`batch of ${batch}`),
  );
  const single = await alternate(rounds, reference, productOne, (r) => r, line('one per transaction'));
  const lib = await alternate(rounds, reference, library, (r) => r, line('encodeHcert'));
  console.log(
    ratioLine('vaccination-certificates library (encodeHcert ÷ raw ECDSA sign)', lib.ratios, '≥ 0.5×'),
  );
  console.log(
    ratioLine(
      'vaccination-certificates one per transaction (issued ÷ raw ECDSA sign)',
      single.ratios,
      '≥ 0.5×',
    ),
  );
  console.log(
    ratioLine(
      `vaccination-certificates batch of ${batch} a transaction (issued ÷ raw ECDSA sign side by side)`,
      inBatches.ratios,
      '≥ 0.5×',
    ),
  );
} finally {
  await done();
}
