import type { Param, Queryable } from '../../core/db/db';
import { PERSON_SELECT } from './people.repository';
import type { DuplicateReason, PersonRow } from './people.types';
import { forgetAccountActors } from '../../core/auth/sessions';

export interface SearchCriteria {
  /** Folded name fragment ("nguyen van an"). */
  nameFolded?: string;
  /**
   * 'prefix': the name starts with the fragment (a btree range scan in keyset order: the fast path
   * for the usual full-name search). 'words': every typed word appears as a whole word anywhere in
   * the name ("van an", "hang nguyen"), through the GIN index on the name's words.
   */
  nameMode?: 'prefix' | 'words';
  /** Normalised identity number: matched against CCCD, CMND, passport and BHYT. */
  idNumber?: string;
  /** Normalised phone (+84…). */
  phone?: string;
  birthYear?: number;
  communeCode?: string;
  /** SQL condition restricting rows to the actor's jurisdiction, with its parameters. */
  jurisdiction?: { sql: string; params: string[] };
  after?: { nameFolded: string; id: string };
  limit: number;
}

/**
 * Live records matching every given criterion, in keyset order (folded name, id), so each page is an
 * index range scan that stops after `limit` rows (see the index notes in migration 0005).
 */
export async function searchPersons(q: Queryable, c: SearchCriteria): Promise<PersonRow[]> {
  const where = ['p.merged_into is null'];
  const params: Param[] = [];
  const add = (value: Param) => `$${params.push(value)}`;
  if (c.nameFolded && c.nameMode === 'words') {
    where.push(`string_to_array(p.name_folded, ' ') @> ${add(c.nameFolded.split(' '))}::text[]`);
  } else if (c.nameFolded) {
    // '~' sorts after every folded character (a–z, 0–9, space) in the C collation.
    where.push(
      `p.name_folded collate "C" >= ${add(c.nameFolded)} and p.name_folded collate "C" < ${add(`${c.nameFolded}~`)}`,
    );
  }
  if (c.idNumber) {
    const v = add(c.idNumber);
    where.push(`(p.cccd = ${v} or p.cmnd = ${v} or p.passport = ${v} or p.bhyt = ${v})`);
  }
  if (c.phone) where.push(`p.phones @> array[${add(c.phone)}]::text[]`);
  if (c.birthYear !== undefined) where.push(`p.birth_year = ${add(c.birthYear)}`);
  if (c.communeCode) where.push(`p.commune_code = ${add(c.communeCode)}`);
  if (c.jurisdiction) {
    // Renumber the jurisdiction's own $1… after ours.
    const offset = params.length;
    where.push(c.jurisdiction.sql.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + offset}`));
    params.push(...c.jurisdiction.params);
  }
  if (c.after) {
    where.push(
      `(p.name_folded collate "C", p.id) > (${add(c.after.nameFolded)} collate "C", ${add(c.after.id)}::uuid)`,
    );
  }
  return q.query<PersonRow>(
    `${PERSON_SELECT} where ${where.join(' and ')}
     order by p.name_folded collate "C", p.id limit ${add(c.limit)}`,
    params,
  );
}

/**
 * Other live records that may be the same person: an identity number in common (BHYT compared by its
 * lifelong social insurance part), the same folded name + birth + commune, or a phone + the same name.
 */
export async function findDuplicates(
  q: Queryable,
  p: PersonRow,
): Promise<{ row: PersonRow; reasons: DuplicateReason[] }[]> {
  const rows = await q.query<PersonRow & { same_id: boolean; same_nbc: boolean; same_phone: boolean }>(
    `with c as (
       ${PERSON_SELECT}
        where p.merged_into is null and p.id <> $1 and (
              p.cccd = $2 or p.cmnd = $3 or p.passport = $4 or substr(p.bhyt, 6) = substr($5, 6)
           or (p.name_folded = $6 and p.commune_code = $7 and p.birth_year = $8)
           or (p.name_folded = $6 and p.phones && $9::text[])))
     select c.*,
            (c.cccd = $2 or c.cmnd = $3 or c.passport = $4 or substr(c.bhyt, 6) = substr($5, 6)) is true as same_id,
            (c.commune_code = $7 and c.birth_year = $8
              and (c.birth_date is null or $10::date is null or c.birth_date = $10::date)) as same_nbc,
            (c.phones && $9::text[]) as same_phone
       from c order by c.created_at, c.id limit 50`,
    [
      p.id,
      p.cccd,
      p.cmnd,
      p.passport,
      p.bhyt,
      p.name_folded,
      p.commune_code,
      p.birth_year,
      p.phones,
      p.birth_date,
    ],
  );
  return rows
    .map((r) => {
      const reasons: DuplicateReason[] = [];
      if (r.same_id) reasons.push('same_id');
      if (r.same_nbc && r.name_folded === p.name_folded) reasons.push('same_name_birth_commune');
      if (r.same_phone && r.name_folded === p.name_folded) reasons.push('same_phone');
      return { row: r, reasons };
    })
    .filter((d) => d.reasons.length > 0);
}

/** The citizen's account: their normalised phone and the person it is linked to. */
export async function citizenAccount(q: Queryable, accountId: string) {
  const rows = await q.query<{ phone: string | null; person_id: string | null }>(
    'select phone, person_id from accounts where id::text = $1',
    [accountId],
  );
  return rows[0];
}

export async function linkAccountToPerson(q: Queryable, accountId: string, personId: string): Promise<void> {
  await q.query('update accounts set person_id = $2, updated_at = now() where id::text = $1', [
    accountId,
    personId,
  ]);
  forgetAccountActors(accountId);
}

/** The oldest live record carrying this phone: the one a citizen signing in with it is taken to be. */
export async function personIdByPhone(q: Queryable, phone: string): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(
    `select id from persons where phones @> array[$1]::text[] and merged_into is null
     order by created_at, id limit 1`,
    [phone],
  );
  return rows[0]?.id;
}
