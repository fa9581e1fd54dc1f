// Test helpers for the sampling module: real HTTP calls, real database.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { foldVietnamese } from '@phongdich/domain';
import type { Db } from '../../core/db/db';

export type Headers = { cookie: string };

export async function createLab(db: Db, province = '01'): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into labs (code, name, commune_code, district_code, province_code)
     values ($1, 'Phòng xét nghiệm thử', $2, $3, $4) returning id`,
    [
      `L${randomUUID().slice(0, 8)}`,
      province === '01' ? '00001' : '26800',
      province === '01' ? '001' : '769',
      province,
    ],
  );
  return rows[0]!.id;
}

let n = 0;
/** A person straight into the registry (Phúc Xá unless told otherwise). */
export async function createPerson(
  db: Db,
  opts: { cccd?: string; communeCode?: string; fullName?: string } = {},
) {
  const fullName = opts.fullName ?? `Trần Thị Mẫu ${++n}`;
  const hcm = opts.communeCode === '26800';
  const rows = await db.query<{ id: string }>(
    `insert into persons (full_name, name_folded, birth_year, sex, cccd, commune_code, district_code, province_code)
     values ($1, $2, 1985, 'female', $3, $4, $5, $6) returning id`,
    [
      fullName,
      foldVietnamese(fullName),
      opts.cccd ?? null,
      opts.communeCode ?? '00001',
      hcm ? '769' : '001',
      hcm ? '79' : '01',
    ],
  );
  return rows[0]!.id;
}

export async function createSession(
  app: FastifyInstance,
  headers: Headers,
  body: Record<string, unknown> = {},
): Promise<{ id: string; poolSize: number }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/testing/sessions',
    headers,
    payload: {
      name: 'Xét nghiệm diện rộng phường Phúc Xá',
      kind: 'mass',
      testType: 'rt_pcr',
      communeCode: '00001',
      date: '2021-08-20',
      sites: [{ name: 'Nhà văn hóa tổ 5', address: 'Ngõ 12 Phúc Xá' }],
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`session: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function createLabels(
  app: FastifyInstance,
  headers: Headers,
  count: number,
  extra: Record<string, unknown> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/testing/labels',
    headers,
    payload: { count, testType: 'rt_pcr', ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`labels: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; barcodes: string[] };
}

export function link(
  app: FastifyInstance,
  headers: Headers,
  body: { sessionId: string; barcode: string; personId?: string; code?: string; id?: string },
) {
  return app.inject({
    method: 'POST',
    url: '/api/testing/samples',
    headers,
    payload: {
      id: randomUUID(),
      sampleType: 'nasopharyngeal',
      collectedAt: new Date().toISOString(),
      ...body,
    },
  });
}
