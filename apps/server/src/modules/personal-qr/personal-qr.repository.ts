import type { Queryable } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import type { UnitStructure } from '../../core/units/structure';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';

export interface QrTokenRow {
  id: string;
  person_id: string;
  type: 'P' | 'C';
  issued_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  batch_id: string | null;
}

/** The person's current (unrevoked) app code, if any. */
export async function currentAppToken(q: Queryable, personId: string): Promise<QrTokenRow | undefined> {
  const rows = await q.query<QrTokenRow>(
    `select * from personal_qr_tokens where person_id = $1 and type = 'P' and revoked_at is null`,
    [personId],
  );
  return rows[0];
}

/** Inserts a token; for an app code a concurrent insert wins and this returns false. */
export async function insertToken(
  q: Queryable,
  t: { id: string; personId: string; type: 'P' | 'C'; issuedAt: Date; batchId?: string | null },
): Promise<boolean> {
  const rows = await q.query(
    `insert into personal_qr_tokens (id, person_id, type, issued_at, batch_id) values ($1, $2, $3, $4, $5)
     on conflict do nothing returning id`,
    [t.id, t.personId, t.type, t.issuedAt, t.batchId ?? null],
  );
  return rows.length > 0;
}

export async function findToken(q: Queryable, id: string): Promise<QrTokenRow | undefined> {
  return (await q.query<QrTokenRow>('select * from personal_qr_tokens where id = $1', [id]))[0];
}

export async function markRevoked(q: Queryable, id: string): Promise<void> {
  await q.query('update personal_qr_tokens set revoked_at = now() where id = $1 and revoked_at is null', [
    id,
  ]);
}

export async function insertBatch(
  q: Queryable,
  b: { communeCode: string; districtCode: string | null; provinceCode: string; accountId: string | null },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `insert into qr_card_batches (commune_code, district_code, province_code, created_by_account_id)
     values ($1, $2, $3, $4) returning id`,
    [b.communeCode, b.districtCode, b.provinceCode, b.accountId],
  );
  return rows[0]!.id;
}

export async function setBatchCount(q: Queryable, batchId: string, count: number): Promise<void> {
  await q.query('update qr_card_batches set card_count = $2 where id = $1', [batchId, count]);
}

export interface BatchRow {
  id: string;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: UnitStructure;
  card_count: number;
  created_at: Date;
}

export async function findBatch(q: Queryable, id: string): Promise<BatchRow | undefined> {
  return (await q.query<BatchRow>('select * from qr_card_batches where id::text = $1', [id]))[0];
}

/** Latest batches within a unit (2-digit province, 3-digit district, 5-digit commune; null = all). */
/** The card batches in the actor's area, by the one jurisdiction rule (structure and level, not a code match). */
export async function batchesIn(q: Queryable, actor: Actor): Promise<BatchRow[]> {
  const j = jurisdictionSql(actor, 'b', 1);
  return q.query<BatchRow>(
    `select b.* from qr_card_batches b where ${j.sql} order by b.created_at desc limit 100`,
    j.params,
  );
}

export interface CardRow {
  token_id: string;
  issued_at: Date;
  revoked_at: Date | null;
  full_name: string;
  birth_year: number;
  commune_name: string | null;
}

export async function cardsOfBatch(q: Queryable, batchId: string): Promise<CardRow[]> {
  return q.query<CardRow>(
    `select t.id as token_id, t.issued_at, t.revoked_at, p.full_name, p.birth_year, p.commune_name
     from personal_qr_tokens t join person_brief p on p.id = t.person_id
     where t.batch_id = $1 order by p.name_folded, p.id`,
    [batchId],
  );
}

/**
 * Live people of a commune with no citizen account linked (the printed-card audience). The commune is
 * one of the deployment's map: the other map's commune with the same code is another place.
 */
export async function peopleWithoutAccount(q: Queryable, communeCode: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    // people's person_brief and accounts' account_brief (0069, 0071): one statement for the commune.
    `select p.id from person_brief p
      where p.unit_structure = ${DEPLOYMENT_STRUCTURE_SQL} and p.commune_code = $1 and p.merged_into is null
       and not exists (select 1 from account_brief a where a.person_id = p.id)
     order by p.name_folded, p.id limit 5000`,
    [communeCode],
  );
  return rows.map((r) => r.id);
}
