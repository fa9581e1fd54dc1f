// Test helpers for the cases module: real database, real HTTP.
import { foldVietnamese } from '@phongdich/domain';
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../core/db/db';

let n = 0;
/** A person straight into the registry (Phúc Xá, Ba Đình, Hà Nội unless told otherwise). */
export async function createCasePerson(
  db: Queryable,
  opts: {
    fullName?: string;
    phone?: string;
    communeCode?: string;
    districtCode?: string;
    provinceCode?: string;
  } = {},
): Promise<string> {
  const fullName = opts.fullName ?? `Trần Văn Ca ${++n}`;
  const rows = await db.query<{ id: string }>(
    `insert into persons (full_name, name_folded, birth_year, sex, phones, commune_code, district_code, province_code)
     values ($1, $2, 1980, 'male', $3, $4, $5, $6) returning id::text as id`,
    [
      fullName,
      foldVietnamese(fullName),
      opts.phone ? [opts.phone] : [],
      opts.communeCode ?? '00001',
      opts.districtCode ?? '001',
      opts.provinceCode ?? '01',
    ],
  );
  return rows[0]!.id;
}

let tube = 0;
/** A barcode no other test uses. */
export const nextBarcode = () => `CASE${process.pid}${String(++tube).padStart(6, '0')}`;

/** Enters and releases a result for a tube through the lab's real routes (technician, then supervisor). */
export async function releaseResult(
  app: FastifyInstance,
  staff: { tech: { cookie: string }; supervisor: { cookie: string } },
  barcode: string,
  result: 'positive' | 'negative',
  opts: { rapid?: boolean } = {},
): Promise<void> {
  const entered = await app.inject({
    method: 'POST',
    url: '/api/lab/results',
    headers: staff.tech,
    payload: { barcode, result, ...(result === 'positive' && !opts.rapid ? { ctValues: { N: 22 } } : {}) },
  });
  if (entered.statusCode !== 200) throw new Error(`enter ${barcode}: ${entered.statusCode} ${entered.body}`);
  const verified = await app.inject({
    method: 'POST',
    url: '/api/lab/results/verify',
    headers: staff.supervisor,
    payload: { barcodes: [barcode] },
  });
  if (verified.statusCode !== 200)
    throw new Error(`release ${barcode}: ${verified.statusCode} ${verified.body}`);
}
