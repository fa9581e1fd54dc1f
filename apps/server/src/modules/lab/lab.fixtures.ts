// Test fixtures: labs, people and tubes received at a lab, written by SQL into the sampling
// engineer's tables (the lab tests need tubes in given states without walking the whole sampling flow).
import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '@phongdich/domain';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../core/db/db';
import { signInAs } from '../../test-support/auth';

let seq = 0;

async function requireTables(db: Db): Promise<void> {
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from information_schema.tables
     where table_name in ('labs', 'tubes', 'tube_members', 'testing_sessions', 'tube_label_batches', 'shipments')`,
  );
  if (rows[0]!.n < 6) throw new Error('sampling tables (migration 0011) are missing');
}

export async function createLab(
  db: Db,
  name = 'Phòng xét nghiệm CDC Hà Nội',
): Promise<{ labId: string; name: string }> {
  await requireTables(db);
  const rows = await db.query<{ id: string }>(
    `insert into labs (code, name, commune_code, district_code, province_code)
     values ($1, $2, '00001', '001', '01') returning id`,
    [`LAB${Date.now().toString(36)}${++seq}`.toUpperCase(), name],
  );
  return { labId: rows[0]!.id, name };
}

/** A new lab with a signed-in technician and supervisor (session cookies) of it. */
export async function labWithStaff(
  app: FastifyInstance,
  db: Db,
): Promise<{ labId: string; name: string; tech: { cookie: string }; supervisor: { cookie: string } }> {
  const lab = await createLab(db);
  const staff = (role: 'lab_technician' | 'lab_supervisor') =>
    signInAs(app, db, { role, unitCode: '001', facilityId: lab.labId }).then((s) => s.headers);
  return { ...lab, tech: await staff('lab_technician'), supervisor: await staff('lab_supervisor') };
}

export async function createPerson(
  db: Db,
  p: { fullName?: string; phone?: string | null; communeCode?: string; birthDate?: string } = {},
): Promise<string> {
  const fullName = p.fullName ?? 'Nguyễn Văn An';
  const birthDate = p.birthDate ?? '1990-05-17';
  const rows = await db.query<{ id: string }>(
    `insert into persons (full_name, name_folded, birth_date, birth_year, sex, phones, commune_code, district_code, province_code)
     values ($1, $2, $3, $4, 'male', $5, $6, $7, $8) returning id`,
    [
      fullName,
      foldVietnamese(fullName),
      birthDate,
      Number(birthDate.slice(0, 4)),
      p.phone === null ? [] : [p.phone ?? `+8491${String(1000000 + ++seq).slice(-7)}`],
      p.communeCode ?? '00001',
      p.communeCode === '26800' ? '769' : '001',
      p.communeCode === '26800' ? '79' : '01',
    ],
  );
  return rows[0]!.id;
}

export interface TubeSpec {
  labId: string;
  members: string[];
  testType?: 'rt_pcr' | 'rapid_antigen';
  status?: 'used' | 'in_transit' | 'received';
  collectedAt?: Date;
  barcode?: string;
}

/** A tube with its members, shipped to the lab and (by default) received there. */
export async function createTube(db: Db, t: TubeSpec): Promise<string> {
  const testType = t.testType ?? 'rt_pcr';
  const status = t.status ?? 'received';
  const collectedAt = t.collectedAt ?? new Date(Date.now() - 6 * 3600_000);
  const barcode = t.barcode ?? `T${Date.now().toString(36).toUpperCase()}${String(++seq).padStart(5, '0')}`;
  const session = await db.query<{ id: string }>(
    `insert into testing_sessions (name, kind, test_type, session_date, pool_size, lab_id, commune_code, district_code, province_code)
     values ('Xét nghiệm thử', 'mass', $1, $2::date, 10, $3, '00001', '001', '01') returning id`,
    [testType, collectedAt.toISOString().slice(0, 10), t.labId],
  );
  const sessionId = session[0]!.id;
  const batch = await db.query<{ id: string }>(
    `insert into tube_label_batches (test_type, session_id, prefix, first_seq, count) values ($1, $2, 'TT', $3, 1) returning id`,
    [testType, sessionId, ++seq],
  );
  await db.query(
    `insert into tubes (barcode, label_batch_id, session_id, test_type, pooled, status, sample_type, collected_at,
       commune_code, district_code, province_code, lab_id)
     values ($1, $2, $3, $4, $5, $6, 'nasopharyngeal', $7, '00001', '001', '01', $8)`,
    [
      barcode,
      batch[0]!.id,
      sessionId,
      testType,
      t.members.length > 1,
      status,
      collectedAt,
      status === 'used' ? null : t.labId,
    ],
  );
  for (const [i, personId] of t.members.entries()) {
    await db.query(
      `insert into tube_members (barcode, person_id, position, sample_id, session_id, collected_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [barcode, personId, i + 1, randomUUID(), sessionId, collectedAt],
    );
  }
  if (status !== 'used') {
    const shipment = await db.query<{ id: string }>(
      `insert into shipments (lab_id, sender, carrier, sent_at, received_at, status, tube_count)
       values ($1, 'Trạm y tế Phúc Xá', 'Xe cứu thương 01', $2, $3, $4, 1) returning id`,
      [
        t.labId,
        collectedAt,
        status === 'received' ? new Date() : null,
        status === 'received' ? 'received' : 'in_transit',
      ],
    );
    await db.query(
      `insert into shipment_tubes (shipment_id, barcode, status, received_at) values ($1, $2, $3, $4)`,
      [
        shipment[0]!.id,
        barcode,
        status === 'received' ? 'received' : 'sent',
        status === 'received' ? new Date() : null,
      ],
    );
  }
  return barcode;
}
