import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../core/db/db';
import type { PersonFields } from './people.types';
import type { UnitStructure } from '../../core/units/structure';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';

/** What an imported row says about its person, already normalised (see packages/domain/src/import). */
export interface PersonMatchKey {
  cccd?: string | null;
  cmnd?: string | null;
  passport?: string | null;
  bhyt?: string | null;
  /** E.164 */
  phone?: string | null;
  birthYear?: number | null;
  birthDate?: string | null;
  nameFolded?: string | null;
  communeCode?: string | null;
  /** The map `communeCode` is on; absent: any person with that code (callers that looked it up on none). */
  unitStructure?: UnitStructure | null;
}

/** How a row was matched: by an identity number, by phone + birth year, by folded name + birth date + commune. */
export type MatchTier = 'id' | 'phone' | 'name';
export interface PersonMatch {
  tier: MatchTier;
  /** One id is a match; more than one is ambiguous and goes to a person's review. */
  ids: string[];
}

const LIVE = 'p.merged_into is null';

/**
 * Matches many rows at once, tier by tier, one statement per tier (never one query per row): identity
 * numbers first (CCCD, CMND, BHYT, passport), then phone + birth year, then folded name + birth date
 * (or birth year when the row has no date) + commune. A row found at one tier is not looked up at the next. Up to 3 candidates per row are returned.
 */
export async function matchPeople(
  q: Queryable,
  keys: readonly PersonMatchKey[],
): Promise<(PersonMatch | null)[]> {
  const out: (PersonMatch | null)[] = keys.map(() => null);
  const add = (rows: { k: number; id: string }[], tier: MatchTier) => {
    for (const r of rows) {
      const m = (out[r.k] ??= { tier, ids: [] });
      if (m.tier === tier && !m.ids.includes(r.id)) m.ids.push(r.id);
    }
  };
  const pick = (f: (k: PersonMatchKey) => string | null | undefined) => {
    const idx: number[] = [];
    const vals: string[] = [];
    keys.forEach((k, i) => {
      const v = f(k);
      if (v && !out[i]) {
        idx.push(i);
        vals.push(v);
      }
    });
    return [idx, vals] as const;
  };
  // Identity numbers: each column by its own index, so every lookup is an index probe.
  for (const column of ['cccd', 'cmnd', 'bhyt', 'passport'] as const) {
    const [idx, vals] = pick((k) => k[column]);
    if (!idx.length) continue;
    add(
      await q.query<{ k: number; id: string }>(
        `select k.k, p.id::text from unnest($1::int[], $2::text[]) as k(k, v)
           join persons p on p.${column} = k.v and ${LIVE}`,
        [idx, vals],
      ),
      'id',
    );
  }
  {
    const [idx, phones] = pick((k) => (k.phone && k.birthYear ? k.phone : null));
    if (idx.length) {
      const years = idx.map((i) => keys[i]!.birthYear!);
      add(
        await q.query<{ k: number; id: string }>(
          `select k.k, m.id from unnest($1::int[], $2::text[], $3::int[]) as k(k, phone, birth_year)
             cross join lateral (select p.id::text from persons p
               where p.phones @> array[k.phone] and p.birth_year = k.birth_year and ${LIVE} limit 3) m`,
          [idx, phones, years],
        ),
        'phone',
      );
    }
  }
  {
    // `collate "C"`: the (commune, name) index is in byte order (0014); another collation could not use it.
    // A list with only a birth year (many have just "năm sinh") matches on the year: still the same
    // name in the same commune, and two such people are a question for the officer, never a guess.
    const [idx, names] = pick((k) =>
      k.nameFolded && (k.birthDate || k.birthYear) && k.communeCode ? k.nameFolded : null,
    );
    if (idx.length) {
      add(
        await q.query<{ k: number; id: string }>(
          `select k.k, m.id from unnest($1::int[], $2::text[], $3::date[], $4::int[], $5::text[], $6::text[])
               as k(k, name, birth_date, birth_year, commune, structure)
             cross join lateral (select p.id::text from persons p
               where p.commune_code = k.commune and p.name_folded = k.name collate "C" and ${LIVE}
                 and (k.structure is null or p.unit_structure = k.structure)
                 and (case when k.birth_date is not null then p.birth_date = k.birth_date else p.birth_year = k.birth_year end)
               limit 3) m`,
          [
            idx,
            names,
            idx.map((i) => keys[i]!.birthDate ?? null),
            idx.map((i) => keys[i]!.birthYear ?? null),
            idx.map((i) => keys[i]!.communeCode!),
            idx.map((i) => keys[i]!.unitStructure ?? null),
          ],
        ),
        'name',
      );
    }
  }
  return out;
}

const COLUMNS: [keyof PersonFields, string, string][] = [
  ['fullName', 'full_name', 'text'],
  ['nameFolded', 'name_folded', 'text'],
  ['birthDate', 'birth_date', 'date'],
  ['birthYear', 'birth_year', 'int'],
  ['sex', 'sex', 'text'],
  ['nationality', 'nationality', 'text'],
  ['cccd', 'cccd', 'text'],
  ['cmnd', 'cmnd', 'text'],
  ['passport', 'passport', 'text'],
  ['bhyt', 'bhyt', 'text'],
  ['communeCode', 'commune_code', 'text'],
  ['districtCode', 'district_code', 'text'],
  ['provinceCode', 'province_code', 'text'],
  ['street', 'street', 'text'],
];

/**
 * Creates many people in one statement (a bulk import's new people), each with its 'create' history
 * entry; returns their ids in input order. Identity numbers must already be known to be free (the
 * caller matched them in the same transaction); the unique indexes refuse a race all the same.
 */
export async function insertPeopleBatch(
  q: Queryable,
  people: readonly PersonFields[],
  createdBy: string | null,
  /** The map the people's unit codes are on; absent: the deployment's (the column's default). */
  structure?: UnitStructure,
): Promise<string[]> {
  if (!people.length) return [];
  // Ids chosen here, so each input's id is known without matching rows back.
  const ids = people.map(() => randomUUID());
  const params = COLUMNS.map(([k]) => people.map((p) => p[k] as string | number | null));
  // Phones as one array literal per person: unnest cannot take an array of uneven arrays.
  const phones = people.map((p) => `{${p.phones.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`);
  const cols = COLUMNS.map(([, c]) => c);
  const n = COLUMNS.length;
  await q.query(
    `insert into persons (id, ${cols.join(', ')}, phones, created_by, unit_structure)
     select u.id, ${cols.map((c) => `u.${c}`).join(', ')}, u.phones::text[], $${n + 3},
            coalesce($${n + 4}::text, ${DEPLOYMENT_STRUCTURE_SQL})
       from unnest($1::uuid[], ${COLUMNS.map(([, , t], i) => `$${i + 2}::${t}[]`).join(', ')}, $${n + 2}::text[])
         as u(id, ${cols.join(', ')}, phones)`,
    [ids, ...params, phones, createdBy, structure ?? null],
  );
  await q.query(
    `insert into person_history (person_id, actor_account_id, kind, changes)
     select unnest($1::uuid[]), $2, 'create', '{"fields":["import"]}'::jsonb`,
    [ids, createdBy],
  );
  return ids;
}

/** What a bulk import's reviewer compares a row with: enough to tell two people apart side by side. */
export interface MatchCandidate {
  id: string;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  communeCode: string | null;
  /** Only the last 4 digits shown, never the whole number. */
  cccd: string | null;
  phone: string | null;
}

const maskTail = (s: string | null | undefined) =>
  s ? `${'•'.repeat(Math.max(0, s.length - 4))}${s.slice(-4)}` : null;

/** The candidates of ambiguous import rows, by id (unknown ids are left out). The caller audits the read. */
export async function matchCandidates(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, MatchCandidate>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{
    id: string;
    full_name: string;
    birth_date: string | null;
    birth_year: number;
    commune_code: string | null;
    cccd: string | null;
    phone: string | null;
  }>(
    `select id::text, full_name, birth_date::text, birth_year, commune_code, cccd, phones[1] as phone
     from persons where id = any($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        fullName: r.full_name,
        birthDate: r.birth_date,
        birthYear: r.birth_year,
        communeCode: r.commune_code,
        cccd: maskTail(r.cccd),
        phone: maskTail(r.phone),
      },
    ]),
  );
}
