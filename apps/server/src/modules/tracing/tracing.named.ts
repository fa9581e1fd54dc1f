import { createHash } from 'node:crypto';
import { parseNamedContacts, type Evidence, type NamedEntry } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import { investigationAnswers, type CaseForTracing } from '../cases';
import { personAreas, searchPersons } from '../people';

/** The investigation question whose answer lists the case's close contacts (cases' question set). */
export const NAMED_QUESTION = 'named_contacts';

export interface NamedRow {
  id: string;
  case_id: string;
  full_name: string | null;
  phones: string[];
  id_numbers: string[];
  status: 'matched' | 'pending' | 'ambiguous' | 'registered' | 'withdrawn';
  person_id: string | null;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: 'pre2025' | '2025';
}

/** Words of address people put before a name (folded): anh, chị, em, bác, cô, chú, ông, bà… */
const ADDRESS_WORDS = new Set([
  'anh',
  'chi',
  'em',
  'bac',
  'co',
  'chu',
  'ong',
  'ba',
  'chau',
  'di',
  'cau',
  'mo',
  'thim',
  'be',
]);

const keyOf = (e: NamedEntry) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        [...e.phones].sort(),
        e.ids.map((i) => i.value).sort(),
        e.phones.length || e.ids.length ? null : e.nameFolded,
      ]),
    )
    .digest('hex')
    .slice(0, 32);

/**
 * Who a line names: one live person with one of its ID numbers; else one with one of its phones (a
 * family sharing a phone is told apart by the folded name). Several left: ambiguous; none: pending.
 */
async function match(
  q: Queryable,
  e: NamedEntry,
): Promise<{ status: NamedRow['status']; personId?: string }> {
  const byId = new Set<string>();
  for (const id of e.ids)
    for (const p of await searchPersons(q, { idNumber: id.value, limit: 3 })) byId.add(p.id);
  if (byId.size === 1) return { status: 'matched', personId: [...byId][0]! };
  if (byId.size > 1) return { status: 'ambiguous' };
  const byPhone = new Map<string, string>();
  for (const phone of e.phones)
    for (const p of await searchPersons(q, { phone, limit: 10 })) byPhone.set(p.id, p.name_folded);
  let ids = [...byPhone.keys()];
  if (ids.length > 1 && e.nameFolded) {
    const same = ids.filter((id) => byPhone.get(id) === e.nameFolded);
    // "chị Mai" for Đỗ Thị Mai: the typed words, but for the way the case addresses them, all in
    // the registered name.
    const words = e.nameFolded.split(' ').filter((w) => !ADDRESS_WORDS.has(w));
    const within = ids.filter((id) => words.every((w) => byPhone.get(id)!.split(' ').includes(w)));
    ids = same.length ? same : within.length ? within : ids;
  }
  if (ids.length === 1) return { status: 'matched', personId: ids[0]! };
  return { status: ids.length ? 'ambiguous' : 'pending' };
}

/**
 * Reads the case's "close contacts" answer (through the cases module) and keeps one named_contacts row
 * per line: matched to the registry, or pending for the case's officers to register. A line no longer
 * in the answer goes unless an officer already resolved it. Returns the evidence "named by the case"
 * of every person a line points at, for discovery to merge with what it found.
 */
export async function namedFromInvestigation(
  tx: Queryable,
  c: CaseForTracing,
): Promise<Map<string, Evidence[]>> {
  const answer = (await investigationAnswers(tx, c.id))?.[NAMED_QUESTION];
  const entries = typeof answer === 'string' ? parseNamedContacts(answer) : [];
  const keys: string[] = [];
  const area = (await personAreas(tx, [c.personId])).get(c.personId);
  if (!area) return new Map();
  if (entries.length) {
    for (const e of entries) {
      const key = keyOf(e);
      if (keys.includes(key)) continue;
      keys.push(key);
      const m = await match(tx, e);
      // The case naming their own number is no contact.
      if (m.personId === c.personId) continue;
      // A line an officer resolved keeps their choice; only its place in the answer moves.
      await tx.query(
        `insert into named_contacts (case_id, entry_key, line_no, full_name, phones, id_numbers, status, person_id,
                                     commune_code, district_code, province_code, unit_structure)
         values ($1, $2, $12, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         on conflict (case_id, entry_key) do update
           set line_no = excluded.line_no,
               full_name = case when named_contacts.status = 'registered' then named_contacts.full_name else excluded.full_name end,
               status = case when named_contacts.status = 'registered' then 'registered' else excluded.status end,
               person_id = case when named_contacts.status = 'registered' then named_contacts.person_id else excluded.person_id end,
               updated_at = now()
         where (named_contacts.line_no, named_contacts.status, named_contacts.person_id, named_contacts.full_name)
               is distinct from (excluded.line_no, excluded.status, excluded.person_id, excluded.full_name)`,
        [
          c.id,
          key,
          e.name,
          e.phones,
          e.ids.map((i) => i.value),
          m.status,
          m.personId ?? null,
          area.communeCode,
          area.districtCode,
          area.provinceCode,
          area.structure,
          keys.length,
        ],
      );
    }
  }
  await tx.query(
    `delete from named_contacts where case_id = $1 and status <> 'registered' and not (entry_key = any($2::text[]))`,
    [c.id, keys],
  );
  const rows = await tx.query<{ id: string; person_id: string }>(
    `select id, person_id from named_contacts where case_id = $1 and person_id is not null order by line_no, id`,
    [c.id],
  );
  const out = new Map<string, Evidence[]>();
  for (const r of rows)
    out.set(r.person_id, [...(out.get(r.person_id) ?? []), { kind: 'named', namedId: r.id }]);
  return out;
}
