import type { Param, Queryable } from '../../core/db/db';
import { PERSON_SELECT } from './people.repository';
import type { DuplicateReason, PersonRow } from './people.types';
import { forgetAccountActors } from '../../core/auth/sessions';
import { citizenAccountLink, linkCitizenAccount } from '../accounts';

export interface SearchCriteria {
  /** Folded name fragment ("nguyen van an"). */
  nameFolded?: string;
  /**
   * 'prefix': the name starts with the fragment (a btree range scan in keyset order: the fast path
   * for the usual full-name search). 'words': every typed word appears as a whole word anywhere in
   * the name ("van an", "hang nguyen"), read in keyset order from the entries in person_name_words
   * of the typed word, or of the rarest pair of typed words (migrations 0033, 0075), or from the
   * commune's names when the search is in one commune.
   */
  nameMode?: 'prefix' | 'words';
  /** Normalised identity number: matched against CCCD, CMND, passport and BHYT. */
  idNumber?: string;
  /** Normalised phone (+84…). */
  phone?: string;
  birthYear?: number;
  communeCode?: string;
  /**
   * The condition restricting rows to the actor's jurisdiction, for a table alias whose area columns
   * are named as in persons, numbering its parameters from `paramIndex`.
   */
  jurisdiction?: (alias: string, paramIndex: number) => { sql: string; params: string[] };
  after?: { nameFolded: string; id: string };
  limit: number;
  /**
   * Read the rarest single typed word's entries even when two or more words were typed (the plan
   * before word pairs, migration 0075): for the same-run benchmark only; the results are the same.
   */
  singleWordKeys?: boolean;
}

/** The persons columns every search returns, from the name-words index instead of persons itself. */
const WORDS_SELECT = PERSON_SELECT.replace(
  'from persons p',
  'from person_name_words w join persons p on p.id = w.person_id',
);
if (WORDS_SELECT === PERSON_SELECT) throw new Error('PERSON_SELECT no longer reads "from persons p"');

/**
 * How often each word appears in names, to start a words search from the rarest typed word. Which
 * word it starts from changes only how many index entries are read, never the results or their
 * order (every typed word is checked on each entry), so a few minutes' staleness is harmless.
 * Read from PostgreSQL's statistics (autovacuum keeps them); where there are none (PGlite has no
 * autovacuum), each word's entries are counted up to COUNT_CAP, once per word and CACHE_MS.
 */
const CACHE_MS = 5 * 60_000;
const COUNT_CAP = 20_000;
let statsCache: { at: number; freq: Map<string, number> } | undefined;
const countCache = new Map<string, { at: number; n: number }>();

async function wordFrequencies(q: Queryable, now: number): Promise<Map<string, number>> {
  if (statsCache && now - statsCache.at < CACHE_MS) return statsCache.freq;
  const rows = await q.query<{ word: string; freq: number }>(
    `select f.word, f.freq from pg_stats s,
            unnest(s.most_common_vals::text::text[], s.most_common_freqs) as f (word, freq)
      where s.schemaname = current_schema() and s.tablename = 'person_name_words' and s.attname = 'word'`,
  );
  statsCache = { at: now, freq: new Map(rows.map((r) => [r.word, Number(r.freq)])) };
  return statsCache.freq;
}

/**
 * The index keys a words search may read (migration 0075): the typed word itself when one distinct
 * word was typed, otherwise every unordered pair of distinct typed words, "a b" in C order (each
 * entry of a pair holds both words, so a pair is never read past more entries than its words are).
 */
export function searchKeys(words: string[]): string[] {
  const distinct = [...new Set(words)];
  if (distinct.length === 1) return distinct;
  const keys: string[] = [];
  for (let i = 0; i < distinct.length; i++)
    for (let j = i + 1; j < distinct.length; j++) {
      const [a, b] = [distinct[i]!, distinct[j]!];
      keys.push(a < b ? `${a} ${b}` : `${b} ${a}`);
    }
  return keys;
}

/** The index key whose entries are fewest; ties go to the longer, then the first in order. */
async function rarestKey(q: Queryable, keys: string[]): Promise<string> {
  const now = Date.now();
  const freq = await wordFrequencies(q, now);
  const weight = new Map<string, number>();
  if (freq.size > 0) {
    // Keys too rare to be among the statistics' most common values weigh nothing.
    for (const w of keys) weight.set(w, freq.get(w) ?? 0);
  } else {
    const missing = keys.filter((w) => {
      const c = countCache.get(w);
      return !c || now - c.at >= CACHE_MS;
    });
    if (missing.length > 0) {
      const rows = await q.query<{ word: string; n: number }>(
        `select t.word, (select count(*) from (select 1 from person_name_words x where x.word = t.word
                                                limit ${COUNT_CAP}) as e)::int as n
           from unnest($1::text[]) as t (word)`,
        [missing],
      );
      if (countCache.size > 10_000) countCache.clear();
      for (const r of rows) countCache.set(r.word, { at: now, n: r.n });
    }
    for (const w of keys) weight.set(w, countCache.get(w)?.n ?? 0);
  }
  return [...keys].sort(
    (a, b) => weight.get(a)! - weight.get(b)! || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  )[0]!;
}

/**
 * Live records matching every given criterion, in keyset order (folded name, id), so each page is an
 * index range scan that stops after `limit` rows (see the index notes in migrations 0005 and 0033).
 */
export async function searchPersons(q: Queryable, c: SearchCriteria): Promise<PersonRow[]> {
  const where = ['p.merged_into is null'];
  const params: Param[] = [];
  const add = (value: Param) => `$${params.push(value)}`;
  const inArea = (alias: string) => {
    if (!c.jurisdiction) return;
    const j = c.jurisdiction(alias, params.length + 1);
    where.push(j.sql);
    params.push(...j.params);
  };
  const words = c.nameFolded?.split(' ').filter((w) => w !== '');
  // In one commune (a few thousand people) its own names in order are read (persons_structure_commune_name_idx);
  // elsewhere the entries of the typed word, or of the rarest pair of typed words, are.
  const oneCommune =
    c.communeCode !== undefined || /\bcommune_code\b/.test(c.jurisdiction?.('p', 1).sql ?? '');
  const byWords = c.nameMode === 'words' && words !== undefined && words.length > 0 && !oneCommune;
  let order = 'p.name_folded collate "C", p.id';
  if (byWords) {
    where.push(
      `w.word = ${add(await rarestKey(q, c.singleWordKeys ? [...new Set(words)] : searchKeys(words)))}`,
      `string_to_array(w.name_folded, ' ') @> ${add(words)}::text[]`,
    );
    inArea('w');
    order = 'w.name_folded, w.person_id';
  } else if (c.nameFolded && c.nameMode === 'words') {
    where.push(`string_to_array(p.name_folded, ' ') @> ${add(words ?? [])}::text[]`);
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
  inArea('p');
  if (c.after) {
    where.push(`(${order}) > (${add(c.after.nameFolded)} collate "C", ${add(c.after.id)}::uuid)`);
  }
  return q.query<PersonRow>(
    `${byWords ? WORDS_SELECT : PERSON_SELECT} where ${where.join(' and ')}
     order by ${order} limit ${add(c.limit)}`,
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

/** The citizen's account: their normalised phone and the person it is linked to (accounts' own query). */
export async function citizenAccount(q: Queryable, accountId: string) {
  return citizenAccountLink(q, accountId);
}

export async function linkAccountToPerson(q: Queryable, accountId: string, personId: string): Promise<void> {
  await linkCitizenAccount(q, accountId, personId);
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
