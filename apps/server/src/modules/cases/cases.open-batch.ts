import type { AuditContext } from '../../core/audit/audit';
import { recordAudits } from '../../core/audit/audit';
import type { Queryable } from '../../core/db/db';
import { emitEvents } from '../../core/events/emit';
import { personAreas } from '../people';
import { openCaseForPerson, confirmationJson } from './cases.open';
import type { CaseConfirmationInput } from './cases.types';

export interface CaseToOpen {
  personId: string;
  confirmation: CaseConfirmationInput;
  confirmedAt: Date;
}

/**
 * Opens cases for many people in one transaction (a burst of released results), with the same rows,
 * audit entries and events `openCaseForPerson` writes one by one: one query finds who already has an
 * open case, one insert opens the others, and each related table gets one insert. Whatever the set
 * path cannot settle alone goes through `openCaseForPerson` in the same transaction, in input order:
 * a person named twice in the batch, a merged or unknown record, a person with an open case (the
 * confirmation is added to it), a case opened by a concurrent release.
 */
export async function openCasesForPeople(
  tx: Queryable,
  items: readonly CaseToOpen[],
  audit: AuditContext,
): Promise<void> {
  if (!items.length) return;
  const times = new Map<string, number>();
  for (const it of items) times.set(it.personId, (times.get(it.personId) ?? 0) + 1);
  const areas = await personAreas(
    tx,
    items.filter((it) => times.get(it.personId) === 1).map((it) => it.personId),
  );
  const withOpen = new Set(
    (
      await tx.query<{ person_id: string }>(
        `select person_id::text as person_id from cases where person_id = any($1::uuid[]) and status = 'open'`,
        [[...areas.keys()]],
      )
    ).map((r) => r.person_id),
  );
  const fresh = items.filter((it) => areas.has(it.personId) && !withOpen.has(it.personId));
  const accountId = audit.actor.kind === 'anonymous' ? null : audit.actor.accountId;

  const inserted = fresh.length
    ? await tx.query<{ id: string; person_id: string }>(
        `insert into cases (person_id, confirmed_at, confirmation, sample_date, treatment_kind, commune_code,
           district_code, province_code, unit_structure, opened_by_account_id)
         select u.person_id, u.confirmed_at, u.confirmation, u.sample_date, 'home', u.commune_code,
           u.district_code, u.province_code, u.unit_structure, $10
         from unnest($1::uuid[], $2::timestamptz[], $3::jsonb[], $4::date[], $5::text[], $6::text[],
           $7::text[], $8::text[], $9::int[])
           as u(person_id, confirmed_at, confirmation, sample_date, commune_code, district_code,
             province_code, unit_structure, o)
         order by u.o
         on conflict (person_id) where status = 'open' do nothing
         returning id::text as id, person_id::text as person_id`,
        [
          fresh.map((it) => it.personId),
          fresh.map((it) => it.confirmedAt),
          fresh.map((it) => JSON.stringify(confirmationJson(it.confirmation))),
          fresh.map((it) => it.confirmation.sampleDate),
          fresh.map((it) => areas.get(it.personId)!.communeCode),
          fresh.map((it) => areas.get(it.personId)!.districtCode),
          fresh.map((it) => areas.get(it.personId)!.provinceCode),
          fresh.map((it) => areas.get(it.personId)!.structure),
          fresh.map((_, i) => i),
          accountId,
        ],
      )
    : [];
  const caseOf = new Map(inserted.map((r) => [r.person_id, r.id]));
  const opened = fresh.filter((it) => caseOf.has(it.personId));
  if (opened.length) {
    const ids = opened.map((it) => caseOf.get(it.personId)!);
    const c = opened.map((it) => it.confirmation);
    await tx.query(
      `insert into case_confirmations (case_id, kind, barcode, lab_id, test_type, sample_date, rule_version,
         confirmed_at, recorded_by_account_id, note)
       select u.case_id, u.kind, u.barcode, u.lab_id, u.test_type, u.sample_date, u.rule_version,
         u.confirmed_at, $10, u.note
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[],
         $8::timestamptz[], $9::text[]) as u(case_id, kind, barcode, lab_id, test_type, sample_date,
           rule_version, confirmed_at, note)`,
      [
        ids,
        c.map((k) => k.kind),
        c.map((k) => k.barcode ?? null),
        c.map((k) => k.labId ?? null),
        c.map((k) => k.testType ?? null),
        c.map((k) => k.sampleDate),
        c.map((k) => k.ruleVersion),
        opened.map((it) => it.confirmedAt),
        c.map((k) => k.note ?? null),
        accountId,
      ],
    );
    await tx.query(
      `insert into case_treatment_places (case_id, kind, from_at, recorded_by_account_id)
       select u.case_id, 'home', u.from_at, $3 from unnest($1::uuid[], $2::timestamptz[]) as u(case_id, from_at)`,
      [ids, opened.map((it) => it.confirmedAt), accountId],
    );
    await tx.query(
      `insert into case_history (case_id, version, changed, changed_by_account_id)
       select u.case_id, 1, array['opened'], $2 from unnest($1::uuid[]) as u(case_id)`,
      [ids, accountId],
    );
    await recordAudits(
      tx,
      audit,
      opened.map((it, i) => ({
        action: 'case.open' as const,
        personId: it.personId,
        details: { caseId: ids[i], kind: it.confirmation.kind, ruleVersion: it.confirmation.ruleVersion },
      })),
    );
    await emitEvents(
      tx,
      'case.opened',
      opened.map((it, i) => ({
        caseId: ids[i]!,
        personId: it.personId,
        confirmedAt: it.confirmedAt.toISOString(),
        sampleDate: it.confirmation.sampleDate,
        symptomOnset: null,
      })),
    );
  }
  for (const it of items)
    if (!caseOf.has(it.personId))
      await openCaseForPerson(tx, it.personId, it.confirmation, { confirmedAt: it.confirmedAt, audit });
}
