import type { Queryable } from '../../core/db/db';
import type { TubeRow } from './sampling.types';

export async function findTube(
  q: Queryable,
  barcode: string,
  forUpdate = false,
): Promise<TubeRow | undefined> {
  const rows = await q.query<TubeRow>(
    `select * from tubes where barcode = $1${forUpdate ? ' for update' : ''}`,
    [barcode],
  );
  return rows[0];
}

export interface MemberRow {
  person_id: string;
  position: number;
  full_name: string | null;
  birth_year: number | null;
  sample_id: string;
}

export async function membersOf(q: Queryable, barcode: string): Promise<MemberRow[]> {
  return q.query<MemberRow>(
    `select m.person_id, m.position, m.sample_id, p.full_name, p.birth_year from tube_members m
       left join person_brief p on p.id = m.person_id where m.barcode = $1 order by m.position`,
    [barcode],
  );
}

export async function findMemberBySample(q: Queryable, sampleId: string) {
  const rows = await q.query<{ barcode: string; person_id: string; session_id: string }>(
    'select barcode, person_id, session_id from tube_members where sample_id = $1',
    [sampleId],
  );
  return rows[0];
}

/** Other tubes of this session the person is already in (a second swab is allowed but flagged). */
export async function otherTubesOf(q: Queryable, sessionId: string, personId: string, barcode: string) {
  const rows = await q.query<{ barcode: string }>(
    'select barcode from tube_members where session_id = $1 and person_id = $2 and barcode <> $3',
    [sessionId, personId, barcode],
  );
  return rows.map((r) => r.barcode);
}

export interface NewMember {
  barcode: string;
  personId: string;
  position: number;
  sampleId: string;
  sessionId: string;
  collectedAt: string;
  accountId: string;
}

export async function insertMember(q: Queryable, m: NewMember) {
  await q.query(
    `insert into tube_members (barcode, person_id, position, sample_id, session_id, collected_at, added_by_account_id)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [m.barcode, m.personId, m.position, m.sampleId, m.sessionId, m.collectedAt, m.accountId],
  );
}

export async function markTubeUsed(
  q: Queryable,
  t: {
    barcode: string;
    sessionId: string;
    pooled: boolean;
    sampleType: string;
    collectedAt: string;
    accountId: string;
    loc: { communeCode: string; districtCode: string | null; provinceCode: string };
    seal: boolean;
  },
) {
  await q.query(
    `update tubes set session_id = $2, status = 'used', pooled = $3,
       sample_type = coalesce(sample_type, $4), collected_at = coalesce(collected_at, $5::timestamptz),
       collected_by_account_id = coalesce(collected_by_account_id, $6),
       commune_code = $7, district_code = $8, province_code = $9,
       sealed_at = case when $10 then now() else sealed_at end, updated_at = now()
     where barcode = $1`,
    [
      t.barcode,
      t.sessionId,
      t.pooled,
      t.sampleType,
      t.collectedAt,
      t.accountId,
      t.loc.communeCode,
      t.loc.districtCode,
      t.loc.provinceCode,
      t.seal,
    ],
  );
}

/** Tubes of a session (for the shipment page): sealed or not, with member counts. */
export async function tubesOfSession(q: Queryable, sessionId: string) {
  return q.query<TubeRow & { members: number }>(
    `select t.*, (select count(*) from tube_members m where m.barcode = t.barcode) as members
       from tubes t where t.session_id = $1 and t.status <> 'printed' order by t.collected_at, t.barcode`,
    [sessionId],
  );
}
