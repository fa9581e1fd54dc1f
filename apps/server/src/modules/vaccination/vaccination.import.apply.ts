import type { FieldErrorCode } from '@phongdich/contracts';
import { createHash } from 'node:crypto';
import type { FieldError } from '@phongdich/contracts';
import type { VaccinationCatalogue } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { inJurisdiction, type Location } from '../../core/auth/jurisdiction';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { emitEvents } from '../../core/events/emit';
import {
  insertPeopleBatch,
  locationOfCommune,
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
  /** Looked-up communes, kept across the batches of one job. */
  communes: Map<string, Location | null>;
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

async function communeLocations(q: Queryable, scope: ImportScope, codes: Iterable<string>) {
  for (const code of codes) {
    if (scope.communes.has(code)) continue;
    const loc = await locationOfCommune(q, code);
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

  // Where each row was done: a known commune in the importer's area.
  await communeLocations(
    tx,
    scope,
    ok.flatMap((o) => (o.data.communeCode ? [o.data.communeCode] : [])),
  );
  const placed = ok.filter(({ input, data }) => {
    const loc = data.communeCode ? scope.communes.get(data.communeCode) : undefined;
    let error: FieldError | null = null;
    if (!data.communeCode)
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
  if (people.length) {
    for (const d of await tx.query<{ person_id: string; day: string; product_mp: string }>(
      `select person_id::text, administered_on::text as day, product_mp from vaccination_doses
       where person_id = any($1::uuid[]) and disease = $2 and status = 'active'`,
      [people, DISEASE],
    ))
      existing.set(`${d.person_id}|${d.day}`, d.product_mp);
  }
  const doses: { row: number; personId: string; data: DoseRowData }[] = [];
  for (const { input, data } of placed) {
    const personId = personOf.get(input.row);
    if (!personId) continue;
    const k = `${personId}|${data.date}`;
    const had = existing.get(k);
    if (had === data.productMp) outcomes.set(input.row, { row: input.row, kind: 'duplicate', personId });
    else if (had)
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
    const inserted = await tx.query<{ id: string; import_row: number; person_id: string }>(
      `insert into vaccination_doses (client_id, person_id, disease, product_mp, lot_number, dose_number,
         administered_at, administered_on, source, commune_code, district_code, province_code,
         recorded_by_account_id, import_id, import_row)
       select u.client_id, u.person_id, $1, u.product_mp, u.lot_number, 10000 + u.ord, u.at, u.day, 'import',
              u.commune, u.district, u.province, $2, $3, u.row
         from unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::timestamptz[], $9::date[], $10::text[],
                     $11::text[], $12::text[], $13::int[]) with ordinality
           as u(client_id, person_id, product_mp, lot_number, at, day, commune, district, province, row, ord)
       on conflict do nothing
       returning id::text, import_row, person_id::text`,
      [
        DISEASE,
        accountId,
        scope.importId,
        doses.map((d) => importClientId(scope.importId, d.row)),
        doses.map((d) => d.personId),
        doses.map((d) => d.data.productMp),
        doses.map((d) => d.data.lot),
        at,
        doses.map((d) => d.data.date),
        locs.map((l) => l.communeCode),
        locs.map((l) => l.districtCode),
        locs.map((l) => l.provinceCode),
        doses.map((d) => d.row),
      ],
    );
    const doseOf = new Map(inserted.map((i) => [i.import_row, i.id]));
    const touched = [...new Set(inserted.map((i) => i.person_id))];
    // Each person's active doses numbered by date; through a high offset, as the unique
    // (person, dose number) index is checked row by row.
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
    const numbers = new Map(
      (
        await tx.query<{ id: string; dose_number: number }>(
          'select id::text, dose_number from vaccination_doses where id = any($1::uuid[])',
          [inserted.map((i) => i.id)],
        )
      ).map((r) => [r.id, r.dose_number]),
    );
    await emitEvents(
      tx,
      'vaccination.dose_recorded',
      doses.flatMap((d, i) => {
        const doseId = doseOf.get(d.row);
        return doseId
          ? [
              {
                doseId,
                personId: d.personId,
                disease: DISEASE,
                productMp: d.data.productMp,
                doseNumber: numbers.get(doseId)!,
                administeredAt: new Date(at[i]!).toISOString(),
                source: 'import' as const,
                siteId: null,
              },
            ]
          : [];
      }),
    );
    for (const d of doses) {
      const doseId = doseOf.get(d.row);
      outcomes.set(
        d.row,
        doseId
          ? { row: d.row, kind: 'applied', personId: d.personId, doseId, created: created.has(d.row) }
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
