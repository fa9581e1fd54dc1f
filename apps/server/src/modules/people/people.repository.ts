import type { Param, Queryable } from '../../core/db/db';
import type { FamilyLink, PersonFields, PersonRow } from './people.types';

/** Person columns plus the commune's name, for `from persons p`. */
export const PERSON_SELECT = `select p.*, u.full_name as commune_name from persons p
  left join unit_brief u on u.structure = p.unit_structure and u.code = p.commune_code`;

const FIELD_COLUMNS: [keyof PersonFields, string][] = [
  ['fullName', 'full_name'],
  ['nameFolded', 'name_folded'],
  ['birthDate', 'birth_date'],
  ['birthYear', 'birth_year'],
  ['sex', 'sex'],
  ['nationality', 'nationality'],
  ['cccd', 'cccd'],
  ['cmnd', 'cmnd'],
  ['passport', 'passport'],
  ['bhyt', 'bhyt'],
  ['phones', 'phones'],
  ['communeCode', 'commune_code'],
  ['districtCode', 'district_code'],
  ['provinceCode', 'province_code'],
  ['street', 'street'],
];

export async function findPerson(
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<PersonRow | undefined> {
  const lock = forUpdate ? ' for update of p' : '';
  const rows = await q.query<PersonRow>(`${PERSON_SELECT} where p.id = $1${lock}`, [id]);
  return rows[0];
}

export async function insertPerson(q: Queryable, f: PersonFields, createdBy: string | null): Promise<string> {
  const cols = FIELD_COLUMNS.map(([, c]) => c);
  const values = FIELD_COLUMNS.map(([k]) => f[k] as Param);
  const rows = await q.query<{ id: string }>(
    `insert into persons (${cols.join(', ')}, created_by)
     values (${cols.map((_, i) => `$${i + 1}`).join(', ')}, $${cols.length + 1}) returning id`,
    [...values, createdBy],
  );
  return rows[0]!.id;
}

/** Writes all fields if the version still matches; returns false on a stale version. */
export async function updatePerson(
  q: Queryable,
  id: string,
  f: PersonFields,
  version: number,
): Promise<boolean> {
  const sets = FIELD_COLUMNS.map(([, c], i) => `${c} = $${i + 3}`);
  const rows = await q.query(
    `update persons set ${sets.join(', ')}, version = version + 1, updated_at = now()
     where id = $1 and version = $2 and merged_into is null returning id`,
    [id, version, ...FIELD_COLUMNS.map(([k]) => f[k] as Param)],
  );
  return rows.length === 1;
}

/** A live record already holding one of these identity numbers, if any. */
export async function findByIdNumbers(
  q: Queryable,
  ids: { cccd: string | null; cmnd: string | null; bhyt: string | null },
  exceptId: string | null,
): Promise<string | undefined> {
  if (!ids.cccd && !ids.cmnd && !ids.bhyt) return undefined;
  const rows = await q.query<{ id: string }>(
    `select id from persons where merged_into is null and ($4::uuid is null or id <> $4)
       and (cccd = $1 or cmnd = $2 or bhyt = $3) limit 1`,
    [ids.cccd, ids.cmnd, ids.bhyt, exceptId],
  );
  return rows[0]?.id;
}

/**
 * Every record (merged ones included: the audit log names the id it was written with) carrying this
 * document number as its CCCD, CMND, passport or BHYT: the audit search by a person's number.
 */
export async function personIdsWithDocument(q: Queryable, number: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'select id::text as id from persons where $1 in (cccd, cmnd, passport, bhyt)',
    [number],
  );
  return rows.map((r) => r.id);
}

/** The identity numbers a citizen claimed for their own record that wait for an officer's check. */
export async function pendingIdentityClaim(
  q: Queryable,
  personId: string,
): Promise<Partial<Record<'cccd' | 'cmnd' | 'bhyt' | 'passport', string>> | undefined> {
  const rows = await q.query<{ changes: { claimed?: Record<string, string>; status: string } }>(
    `select changes from person_history where person_id = $1 and kind = 'identity_claim'
      order by id desc limit 1`,
    [personId],
  );
  // A resolved claim (merged, rejected, corrected) is no longer shown as the citizen's number.
  const last = rows[0]?.changes;
  return last?.status === 'pending' ? last.claimed : undefined;
}

export async function familyOf(q: Queryable, personId: string): Promise<FamilyLink[]> {
  return q.query<FamilyLink>(
    `select m.id, m.full_name as "fullName", l.relation from person_family_links l
       join persons m on m.id = l.member_id
      where l.person_id = $1 order by l.created_at, m.id`,
    [personId],
  );
}

export async function addFamilyLink(q: Queryable, personId: string, memberId: string, relation: string) {
  await q.query(
    `insert into person_family_links (person_id, member_id, relation) values ($1, $2, $3)
     on conflict do nothing`,
    [personId, memberId, relation],
  );
}

export async function addHistory(
  q: Queryable,
  personId: string,
  actorAccountId: string | null,
  kind: 'create' | 'update' | 'merge' | 'merged_into' | 'family_link' | 'identity_claim',
  changes: Record<string, unknown>,
): Promise<void> {
  await q.query(
    'insert into person_history (person_id, actor_account_id, kind, changes) values ($1, $2, $3, $4)',
    [personId, actorAccountId, kind, JSON.stringify(changes)],
  );
}

export async function historyOf(q: Queryable, personId: string) {
  return q.query<{ at: Date; actorName: string | null; kind: string; changes: Record<string, unknown> }>(
    `select h.at, a.display_name as "actorName", h.kind, h.changes from person_history h
       left join account_brief a on a.id::text = h.actor_account_id
      where h.person_id = $1 order by h.id`,
    [personId],
  );
}
