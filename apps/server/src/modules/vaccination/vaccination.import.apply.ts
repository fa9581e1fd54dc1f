import type { FieldErrorCode } from '@phongdich/contracts';
import { createHash } from 'node:crypto';
import type { FieldError } from '@phongdich/contracts';
import type { VaccinationCatalogue } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import type { UnitStructure } from '../../core/units/structure';
import { inJurisdiction, type Location } from '../../core/auth/jurisdiction';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { emitEvents } from '../../core/events/emit';
import {
  insertPeopleBatch,
  locationOfCommune,
  mappedTo2025,
  matchPeople,
  type PersonFields,
} from './vaccination.import.deps';
import { normaliseDoseRow, type DoseColumn, type DoseRowData } from './vaccination.import.columns';

const DISEASE = 'covid-19';

/** A row to apply: its number in the file and its cells by column; `force` is an officer's review decision. */
export interface ImportRowInput {
  row: number;
  cells: Partial<Record<DoseColumn, string>>;
  force?: { personId: string } | 'create';
}

export type RowOutcome =
  | { row: number; kind: 'applied'; personId: string; doseId: string; created: boolean }
  | { row: number; kind: 'duplicate'; personId: string }
  // `data`: a row read well whose person was not found, kept to be offered to a correction's reviewer.
  | { row: number; kind: 'error'; errors: FieldError[]; data?: DoseRowData }
  | { row: number; kind: 'review'; candidates: string[]; data: DoseRowData };

export interface ImportScope {
  importId: string;
  actor: Actor;
  defaultCommune: string | null;
  /** The map the import's record is on now (its default commune too): the doses are written on it. */
  structure: UnitStructure;
  /**
   * The map the file's own commune cells are on: the one it was uploaded on. An import uploaded on the
   * 2021 map and carried to 2025 by the move (still running, or a row left for review) reads a 2021
   * code in its file as that commune's one 2025 commune — never as the 2025 commune that happens to
   * have the same digits.
   */
  fileStructure: UnitStructure;
  /** Looked-up communes, kept across the batches of one job. */
  communes: Map<string, Location | null>;
  /** A file's 2021 commune codes and the 2025 commune each went into ('split': more than one). */
  carried?: Map<string, string | 'split' | null>;
}

const e = (field: string, code: FieldErrorCode, vi: string, en: string): FieldError => ({
  field,
  code,
  message: { vi, en },
});

/** The same file and row always give the same dose client id: a replayed row is the same dose. */
export function importClientId(importId: string, row: number): string {
  const h = createHash('sha256').update(`vaccination-import:${importId}:${row}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The row's commune on the import's map: the file's code carried across when the file is on the older one. */
async function carryFileCommunes(
  q: Queryable,
  scope: ImportScope,
  rows: { input: ImportRowInput; data: DoseRowData }[],
): Promise<Map<number, FieldError>> {
  const errors = new Map<number, FieldError>();
  if (scope.fileStructure === scope.structure) return errors;
  const carried = (scope.carried ??= new Map());
  for (const r of rows) {
    // A row without its own commune cell took the import's default, which the move already carried.
    if (!r.input.cells.commune?.trim() || !r.data.communeCode) continue;
    const old = r.data.communeCode;
    if (!carried.has(old)) {
      const units = (await mappedTo2025(q, old)).filter((u) => u.level === 3);
      carried.set(old, units.length > 1 ? 'split' : (units[0]?.code ?? null));
    }
    const now = carried.get(old);
    if (now === 'split')
      errors.set(
        r.input.row,
        e(
          'commune',
          'COMMUNE_SPLIT',
          `Xã ${old} (bản đồ 2021) đã được chia cho nhiều xã mới năm 2025: sửa dòng này theo mã xã mới`,
          `Commune ${old} (2021 map) was split between several 2025 communes: correct this row with the new commune code`,
        ),
      );
    else if (now === null)
      errors.set(r.input.row, e('commune', 'COMMUNE_UNKNOWN', 'Mã xã không có', 'No such commune'));
    else r.data = { ...r.data, communeCode: now };
  }
  return errors;
}

async function communeLocations(q: Queryable, scope: ImportScope, codes: Iterable<string>) {
  for (const code of codes) {
    if (scope.communes.has(code)) continue;
    const loc = await locationOfCommune(q, code, scope.structure);
    scope.communes.set(code, loc ?? null);
  }
}

/** The new person's key within one batch: two rows about one new person create one person. */
function newPersonKey(d: DoseRowData): string {
  if (d.cccd) return `cccd:${d.cccd}`;
  if (d.cmnd) return `cmnd:${d.cmnd}`;
  if (d.bhyt) return `bhyt:${d.bhyt}`;
  if (d.passport) return `passport:${d.passport}`;
  if (d.phone) return `phone:${d.phone}:${d.birthYear}`;
  return `name:${d.nameFolded}:${d.birthDate ?? d.birthYear}:${d.communeCode}`;
}

/**
 * Applies rows of one file in the caller's transaction, set-wise: normalise every row, match all of them
 * against the registry tier by tier (people's batched matcher), create the new people in one statement,
 * write the doses as source 'import' in one statement (same person + same day already recorded = the
 * same dose, nothing new), number each person's doses by date, emit `vaccination.dose_recorded` (the
 * certificates follow after commit, from those events: vaccination.certificates.after-dose.ts), and
 * audit the batch. A row is applied whole or reported.
 */
export async function applyDoseRows(
  tx: Queryable,
  ctx: AuditContext,
  scope: ImportScope,
  rows: readonly ImportRowInput[],
  catalogue: VaccinationCatalogue,
  now = new Date(),
): Promise<RowOutcome[]> {
  const outcomes = new Map<number, RowOutcome>();
  const ok: { input: ImportRowInput; data: DoseRowData }[] = [];
  for (const r of rows) {
    const n = normaliseDoseRow(r.cells, catalogue, { communeCode: scope.defaultCommune }, now);
    if (n.ok) ok.push({ input: r, data: n.data });
    else outcomes.set(r.row, { row: r.row, kind: 'error', errors: n.errors });
  }

  // Where each row was done: a known commune in the importer's area, on the import's map.
  const carryErrors = await carryFileCommunes(tx, scope, ok);
  await communeLocations(
    tx,
    scope,
    ok.flatMap((o) => (o.data.communeCode ? [o.data.communeCode] : [])),
  );
  const placed = ok.filter(({ input, data }) => {
    const loc = data.communeCode ? scope.communes.get(data.communeCode) : undefined;
    let error: FieldError | null = null;
    if (carryErrors.has(input.row)) error = carryErrors.get(input.row)!;
    else if (!data.communeCode)
      error = e('commune', 'COMMUNE_MISSING', 'Thiếu mã xã nơi tiêm', 'Commune code missing');
    else if (!loc) error = e('commune', 'COMMUNE_UNKNOWN', 'Mã xã không có', 'No such commune');
    else if (!inJurisdiction(scope.actor, loc))
      error = e('commune', 'OUT_OF_AREA', 'Xã ngoài địa bàn của bạn', 'Commune outside your area');
    if (error) outcomes.set(input.row, { row: input.row, kind: 'error', errors: [error] });
    return !error;
  });

  const toMatch = placed.filter((p) => !p.input.force);
  const matches = await matchPeople(
    tx,
    toMatch.map(({ data }) => ({
      cccd: data.cccd,
      cmnd: data.cmnd,
      passport: data.passport,
      bhyt: data.bhyt,
      phone: data.phone,
      birthYear: data.birthYear,
      birthDate: data.birthDate,
      nameFolded: data.nameFolded,
      communeCode: data.communeCode,
      unitStructure: scope.structure,
    })),
  );
  const matchOf = new Map(toMatch.map((p, i) => [p.input.row, matches[i] ?? null]));

  // Who each row is: a matched person, a new one, or a question for the officer.
  const personOf = new Map<number, string>();
  const created = new Set<number>();
  const newPeople = new Map<string, { fields: PersonFields; rows: number[] }>();
  for (const { input, data } of placed) {
    const force = input.force;
    if (force && force !== 'create') {
      personOf.set(input.row, force.personId);
      continue;
    }
    const m = force === 'create' ? null : matchOf.get(input.row);
    if (m && m.ids.length > 1) {
      outcomes.set(input.row, { row: input.row, kind: 'review', candidates: m.ids, data });
      continue;
    }
    if (m) {
      personOf.set(input.row, m.ids[0]!);
      continue;
    }
    if (!data.fullName || !data.birthYear) {
      outcomes.set(input.row, {
        row: input.row,
        kind: 'error',
        data,
        errors: [
          e(
            'idNumber',
            'PERSON_NOT_FOUND',
            'Không có người mang số giấy tờ này: thêm họ tên và ngày sinh để tạo mới',
            'Nobody has this ID: add the name and birth to create the person',
          ),
        ],
      });
      continue;
    }
    const loc = scope.communes.get(data.communeCode!)!;
    const k = newPersonKey(data);
    const entry = newPeople.get(k) ?? {
      fields: {
        fullName: data.fullName,
        nameFolded: data.nameFolded!,
        birthDate: data.birthDate,
        birthYear: data.birthYear,
        sex: data.sex,
        nationality: 'VN',
        cccd: data.cccd,
        cmnd: data.cmnd,
        passport: data.passport,
        bhyt: data.bhyt,
        phones: data.phone ? [data.phone] : [],
        communeCode: loc.communeCode!,
        districtCode: loc.districtCode,
        provinceCode: loc.provinceCode!,
        street: data.street,
      },
      rows: [],
    };
    entry.rows.push(input.row);
    newPeople.set(k, entry);
  }
  const accountId = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
  const made = [...newPeople.values()];
  const ids = await insertPeopleBatch(
    tx,
    made.map((m) => m.fields),
    accountId,
    scope.structure,
  );
  made.forEach((m, i) => {
    for (const row of m.rows) {
      personOf.set(row, ids[i]!);
      created.add(row);
    }
  });

  // Same person + same day already recorded (before, or earlier in this file): the same dose if the
  // vaccine is the same, a conflict the officer must look at if not.
  const people = [...new Set(personOf.values())];
  const existing = new Map<string, string>();
  /** Each person's active doses, by day, with their numbers: where the new ones' numbers follow from. */
  const had = new Map<string, { day: string; n: number }[]>();
  if (people.length) {
    for (const d of await tx.query<{ person_id: string; day: string; product_mp: string; n: number }>(
      `select person_id::text, administered_on::text as day, product_mp, dose_number as n from vaccination_doses
       where person_id = any($1::uuid[]) and disease = $2 and status = 'active'`,
      [people, DISEASE],
    )) {
      existing.set(`${d.person_id}|${d.day}`, d.product_mp);
      const list = had.get(d.person_id) ?? [];
      list.push({ day: d.day, n: d.n });
      had.set(d.person_id, list);
    }
  }
  const doses: { row: number; personId: string; data: DoseRowData }[] = [];
  for (const { input, data } of placed) {
    const personId = personOf.get(input.row);
    if (!personId) continue;
    const k = `${personId}|${data.date}`;
    const was = existing.get(k);
    if (was === data.productMp) outcomes.set(input.row, { row: input.row, kind: 'duplicate', personId });
    else if (was)
      outcomes.set(input.row, {
        row: input.row,
        kind: 'error',
        errors: [
          e(
            'product',
            'DOSE_CONFLICT',
            'Ngày này người này đã có mũi tiêm vắc xin khác',
            'Another vaccine is recorded for this person on this day',
          ),
        ],
      });
    else {
      existing.set(k, data.productMp);
      doses.push({ row: input.row, personId, data });
    }
  }

  if (doses.length) {
    const at = doses.map(
      ({ data }) => `${data.date}T${data.time ? data.time.slice(0, 5) : '12:00'}:00+07:00`,
    );
    const locs = doses.map(({ data }) => scope.communes.get(data.communeCode!)!);
    // Each person's doses are numbered by date. Most rows come after every dose the person has (the
    // list of a day's campaign): their numbers are known here and written once. A person whose new dose
    // falls before one recorded, or whose numbers are not 1…n by date, is renumbered in the database.
    const final = new Map<number, number>(); // index in `doses` → its number, when known here
    const byPerson = new Map<string, number[]>();
    doses.forEach((d, i) => byPerson.set(d.personId, [...(byPerson.get(d.personId) ?? []), i]));
    for (const [personId, idx] of byPerson) {
      const old = (had.get(personId) ?? []).sort((x, y) => (x.day < y.day ? -1 : 1));
      const mine = [...idx].sort((x, y) => (at[x]! < at[y]! ? -1 : at[x]! > at[y]! ? 1 : x - y));
      const last = old.at(-1)?.day;
      if (old.some((o, j) => o.n !== j + 1) || (last && doses[mine[0]!]!.data.date <= last)) {
        continue;
      }
      mine.forEach((i, j) => final.set(i, old.length + j + 1));
    }
    const insert = async (which: number[], numbers: (i: number, ord: number) => number) =>
      tx.query<{ id: string; import_row: number; person_id: string; dose_number: number }>(
        `insert into vaccination_doses (client_id, person_id, disease, product_mp, lot_number, dose_number,
           administered_at, administered_on, source, commune_code, district_code, province_code, unit_structure,
           recorded_by_account_id, import_id, import_row)
         select u.client_id, u.person_id, $1, u.product_mp, u.lot_number, u.n, u.at, u.day, 'import',
                u.commune, u.district, u.province, $4, $2, $3, u.row
           from unnest($5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::timestamptz[], $10::date[], $11::text[],
                       $12::text[], $13::text[], $14::int[], $15::int[])
             as u(client_id, person_id, product_mp, lot_number, at, day, commune, district, province, row, n)
         on conflict do nothing
         returning id::text, import_row, person_id::text, dose_number`,
        [
          DISEASE,
          accountId,
          scope.importId,
          // the map the communes were looked up on (the import's), not the column's default
          scope.structure,
          which.map((i) => importClientId(scope.importId, doses[i]!.row)),
          which.map((i) => doses[i]!.personId),
          which.map((i) => doses[i]!.data.productMp),
          which.map((i) => doses[i]!.data.lot),
          which.map((i) => at[i]!),
          which.map((i) => doses[i]!.data.date),
          which.map((i) => locs[i]!.communeCode),
          which.map((i) => locs[i]!.districtCode),
          which.map((i) => locs[i]!.provinceCode),
          which.map((i) => doses[i]!.row),
          which.map((i, ord) => numbers(i, ord)),
        ],
      );
    const direct = [...final.keys()];
    const inserted = direct.length ? await insert(direct, (i) => final.get(i)!) : [];
    const got = new Set(inserted.map((r) => r.import_row));
    // Rows whose number was not known, or that a dose recorded meanwhile by a site took the number of
    // (the unique index refused them quietly): through a high offset, then the person renumbered. A row
    // refused because its client id is there already is the same dose again (a replay): nothing new.
    const missed = direct.filter((i) => !got.has(doses[i]!.row));
    const replayed = new Set(
      missed.length
        ? (
            await tx.query<{ import_row: number }>(
              'select import_row from vaccination_doses where import_id = $1 and import_row = any($2::int[])',
              [scope.importId, missed.map((i) => doses[i]!.row)],
            )
          ).map((r) => r.import_row)
        : [],
    );
    const slow = [
      ...doses.flatMap((d, i) => (final.has(i) ? [] : [i])),
      ...missed.filter((i) => !replayed.has(doses[i]!.row)),
    ];
    if (slow.length) {
      const more = await insert(slow, (_, ord) => 10000 + ord + 1);
      inserted.push(...more);
      const touched = [...new Set(more.map((i) => i.person_id))];
      // Through a high offset, as the unique (person, dose number) index is checked row by row.
      await tx.query(
        `with n as (
           select id, dose_number, row_number() over (partition by person_id order by administered_at, created_at, id) as rn
           from vaccination_doses where person_id = any($1::uuid[]) and disease = $2 and status = 'active')
         update vaccination_doses d set dose_number = n.rn + 20000 from n where d.id = n.id and n.dose_number <> n.rn`,
        [touched, DISEASE],
      );
      await tx.query(
        `update vaccination_doses set dose_number = dose_number - 20000
         where person_id = any($1::uuid[]) and disease = $2 and dose_number > 20000`,
        [touched, DISEASE],
      );
      const renumbered = new Map(
        (
          await tx.query<{ id: string; dose_number: number }>(
            'select id::text, dose_number from vaccination_doses where id = any($1::uuid[])',
            [more.map((i) => i.id)],
          )
        ).map((r) => [r.id, r.dose_number]),
      );
      for (const m of more) m.dose_number = renumbered.get(m.id)!;
    }
    const doseOf = new Map(inserted.map((i) => [i.import_row, i]));
    await emitEvents(
      tx,
      'vaccination.dose_recorded',
      doses.flatMap((d, i) => {
        const dose = doseOf.get(d.row);
        return dose
          ? [
              {
                doseId: dose.id,
                personId: d.personId,
                disease: DISEASE,
                productMp: d.data.productMp,
                doseNumber: dose.dose_number,
                administeredAt: new Date(at[i]!).toISOString(),
                source: 'import' as const,
                siteId: null,
              },
            ]
          : [];
      }),
    );
    for (const d of doses) {
      const dose = doseOf.get(d.row);
      outcomes.set(
        d.row,
        dose
          ? {
              row: d.row,
              kind: 'applied',
              personId: d.personId,
              doseId: dose.id,
              created: created.has(d.row),
            }
          : { row: d.row, kind: 'duplicate', personId: d.personId },
      );
    }
  }

  const list = rows.map((r) => outcomes.get(r.row)!);
  const count = (k: RowOutcome['kind']) => list.filter((o) => o.kind === k).length;
  await recordAudit(tx, ctx, {
    action: 'vaccination.import.rows',
    details: {
      importId: scope.importId,
      firstRow: rows[0]?.row ?? null,
      lastRow: rows.at(-1)?.row ?? null,
      applied: count('applied'),
      duplicate: count('duplicate'),
      review: count('review'),
      failed: count('error'),
      peopleCreated: made.length,
    },
  });
  return list;
}
