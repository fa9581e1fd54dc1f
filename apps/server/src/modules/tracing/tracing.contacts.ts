import { latestExposure, maskName, maskPhone, type Evidence } from '@phongdich/domain';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { inJurisdiction, jurisdictionSql, type Location } from '../../core/auth/jurisdiction';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { emitEvent } from '../../core/events/emit';
import { caseForTracing } from '../cases';
import { citizenPersonId, familyOf, personAreas, personBriefs } from '../people';
import { sendMessage } from '../outbox';
import { findVenue } from '../venues';
import { caseSubject, findCandidates, saveCandidates, type Subject } from './tracing.discovery';
import { recordTracedCase } from './tracing.traced';
import { namedFromInvestigation, type NamedRow } from './tracing.named';
import { detectClusters } from './tracing.clusters';
import { DAY_MS, TRACING_MACHINE, tracingRulesAt } from './tracing.rules';
import { contactNotice } from './tracing.sms';

export interface ContactRow {
  id: string;
  subject_kind: 'case' | 'contact';
  subject_id: string;
  root_case_id: string;
  person_id: string;
  generation: number;
  exposure_date: string | null;
  evidence: Evidence[];
  score: string;
  rules_version: string;
  status: 'candidate' | 'confirmed' | 'dismissed' | 'withdrawn';
  status_reason: string | null;
  status_at: Date | null;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: 'pre2025' | '2025';
  version: number;
}

const COLUMNS = `id, subject_kind, subject_id, root_case_id, person_id, generation, exposure_date::text as exposure_date,
  evidence, score::text as score, rules_version, status, status_reason, status_at, commune_code, district_code,
  province_code, unit_structure, version`;

const locOf = (
  r: Pick<ContactRow, 'commune_code' | 'district_code' | 'province_code' | 'unit_structure'>,
): Location => ({
  communeCode: r.commune_code,
  districtCode: r.district_code,
  provinceCode: r.province_code,
  structure: r.unit_structure,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findContact(
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<ContactRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await q.query<ContactRow>(
    `select ${COLUMNS} from contacts where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

/** A case and where it lies (its person's commune: the case's jurisdiction). */
async function loadCase(q: Queryable, caseId: string) {
  const c = await caseForTracing(q, caseId);
  if (!c) throw new AppError('TRACING_CASE_NOT_FOUND');
  const area = (await personAreas(q, [c.personId])).get(c.personId);
  const loc: Location = area
    ? {
        communeCode: area.communeCode,
        districtCode: area.districtCode,
        provinceCode: area.provinceCode,
        structure: area.structure,
      }
    : { communeCode: c.communeCode, districtCode: null, provinceCode: null, structure: c.unitStructure };
  return { c, loc };
}

function mergeEvidence(into: Map<string, Evidence[]>, more: Map<string, Evidence[]>) {
  for (const [id, ev] of more) into.set(id, [...(into.get(id) ?? []), ...ev]);
}

/** Discovery for a case, in the caller's transaction (the event handler's, or an officer's request). */
export async function discoverForCase(tx: Queryable, caseId: string, ctx: AuditContext, now = new Date()) {
  const c = await caseForTracing(tx, caseId);
  if (!c) throw new AppError('TRACING_CASE_NOT_FOUND');
  // Never a case (its confirmations were corrected away): its contacts are withdrawn, none added.
  if (c.closedReason === 'annulled') throw new AppError('TRACING_CASE_ANNULLED');
  const rules = tracingRulesAt(new Date(`${c.sampleDate}T12:00:00+07:00`));
  const subject = caseSubject(c, rules, now);
  const { found, visits } = await findCandidates(tx, subject, rules);
  mergeEvidence(found, await namedFromInvestigation(tx, c));
  const saved = await saveCandidates(tx, subject, found, rules);
  await recordTracedCase(tx, c.id, c.personId, subject.window, visits);
  const clusters = await detectClusters(tx, c.id);
  await recordAudit(tx, ctx, {
    action: 'contact.discover',
    personId: c.personId,
    details: {
      caseId,
      generation: 1,
      ...saved,
      clusters,
      window: [subject.window.start.toISOString(), subject.window.end.toISOString()],
    },
  });
  return {
    caseId,
    ...saved,
    clusters,
    windowStart: subject.window.start.toISOString(),
    windowEnd: subject.window.end.toISOString(),
  };
}

/**
 * The next generation around a confirmed contact: their own check-ins and household from the start of
 * the exposure day until they were confirmed (told to stay home; quarantine starts there).
 */
export async function expandContact(tx: Queryable, parent: ContactRow, ctx: AuditContext, now = new Date()) {
  if (parent.status !== 'confirmed' || !parent.exposure_date || !parent.status_at)
    throw new AppError('CONTACT_NOT_CONFIRMED');
  const rules = tracingRulesAt(parent.status_at);
  const root = await caseForTracing(tx, parent.root_case_id);
  // From the end of the last exposure (people there with both were exposed to the case itself).
  const start = latestExposure(parent.evidence) ?? new Date(`${parent.exposure_date}T00:00:00+07:00`);
  // Nobody already in the chain at this generation or before is listed again one generation down.
  const inChain = await tx.query<{ person_id: string }>(
    `select person_id from contacts where root_case_id = $1 and generation <= $2 and status <> 'dismissed'`,
    [parent.root_case_id, parent.generation],
  );
  const end = parent.status_at < now ? parent.status_at : now;
  const subject: Subject = {
    kind: 'contact',
    id: parent.id,
    rootCaseId: parent.root_case_id,
    personId: parent.person_id,
    generation: parent.generation + 1,
    window: { start, end: end > start ? end : start },
    exclude: [...(root ? [root.personId] : []), ...inChain.map((r) => r.person_id)],
  };
  const { found } = await findCandidates(tx, subject, rules);
  const saved = await saveCandidates(tx, subject, found, rules);
  await recordAudit(tx, ctx, {
    action: 'contact.discover',
    personId: parent.person_id,
    details: { contactId: parent.id, generation: subject.generation, ...saved },
  });
  return { contactId: parent.id, generation: subject.generation, ...saved };
}

function followUpUntil(exposureDate: string, days: number): string {
  return new Date(Date.parse(`${exposureDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Confirms one contact (locked row): notice by SMS, the two events, audit. Idempotent. */
async function confirmRow(tx: Queryable, ctx: AuditContext, row: ContactRow) {
  if (row.status === 'confirmed') return { ...row, changed: false };
  if (row.status === 'withdrawn') throw new AppError('CONTACT_WITHDRAWN');
  const exposureDate = row.exposure_date ?? new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const accountId = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
  const [updated] = await tx.query<ContactRow>(
    `update contacts set status = 'confirmed', status_reason = null, status_by_account_id = $2, status_at = now(),
            exposure_date = $3, updated_at = now(), version = version + 1
      where id = $1 returning ${COLUMNS}`,
    [row.id, accountId && UUID.test(accountId) ? accountId : null, exposureDate],
  );
  const rules = tracingRulesAt(new Date());
  const phone = (await personBriefs(tx, [row.person_id])).get(row.person_id)?.phones[0];
  if (phone)
    await sendMessage(tx, {
      channel: 'sms',
      to: phone,
      ...contactNotice(exposureDate, row.generation, followUpUntil(exposureDate, rules.followUpDays)),
    });
  await emitEvent(tx, 'contact.confirmed', {
    contactId: row.id,
    personId: row.person_id,
    subjectCaseId: row.root_case_id,
    generation: row.generation,
    exposureDate,
  });
  await emitEvent(tx, 'quarantine.proposed', {
    contactId: row.id,
    personId: row.person_id,
    reason: 'contact',
    exposureDate,
  });
  await recordAudit(tx, ctx, {
    action: 'contact.confirm',
    personId: row.person_id,
    details: {
      contactId: row.id,
      caseId: row.root_case_id,
      generation: row.generation,
      notified: Boolean(phone),
    },
  });
  return { ...updated!, changed: true };
}

async function dismissRow(tx: Queryable, ctx: AuditContext, row: ContactRow, reason: string) {
  if (row.status === 'confirmed') throw new AppError('CONTACT_ALREADY_CONFIRMED');
  if (row.status === 'withdrawn') throw new AppError('CONTACT_WITHDRAWN');
  const accountId = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
  const [updated] = await tx.query<ContactRow>(
    `update contacts set status = 'dismissed', status_reason = $2, status_by_account_id = $3, status_at = now(),
            updated_at = now(), version = version + 1
      where id = $1 returning ${COLUMNS}`,
    [row.id, reason, accountId && UUID.test(accountId) ? accountId : null],
  );
  await recordAudit(tx, ctx, {
    action: 'contact.dismiss',
    personId: row.person_id,
    details: { contactId: row.id, caseId: row.root_case_id },
  });
  return updated!;
}

export interface ContactQuery {
  status?: 'candidate' | 'confirmed' | 'dismissed' | 'withdrawn';
  venueId?: string;
  generation?: number;
  limit?: number;
}

/** Contacts, officers' operations on them, and the citizen's own notices. */
export function contactsService(db: Db) {
  const view = (
    r: ContactRow,
    brief: { fullName: string; birthYear: number; phones: string[] } | undefined,
    masked: boolean,
  ) => ({
    id: r.id,
    caseId: r.root_case_id,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    personId: r.person_id,
    fullName: brief ? (masked ? maskName(brief.fullName) : brief.fullName) : null,
    birthYear: brief?.birthYear ?? null,
    phones: (brief?.phones ?? []).map((p) => (masked ? maskPhone(p) : p)),
    generation: r.generation,
    exposureDate: r.exposure_date,
    score: Number(r.score),
    status: r.status,
    statusReason: masked ? null : r.status_reason,
    // Outside the caller's area, the evidence says only what kind it was (no points, no times).
    evidence: masked ? r.evidence.map((e) => ({ kind: e.kind })) : r.evidence,
    communeCode: r.commune_code,
    masked,
    version: r.version,
  });

  async function present(
    tx: Queryable,
    ctx: AuditContext,
    rows: ContactRow[],
    audit: Record<string, unknown>,
  ) {
    const briefs = await personBriefs(
      tx,
      rows.map((r) => r.person_id),
    );
    const items = rows.map((r) => view(r, briefs.get(r.person_id), !inJurisdiction(ctx.actor, locOf(r))));
    await recordAudit(tx, ctx, {
      action: 'contact.read',
      details: {
        ...audit,
        personIds: rows.map((r) => r.person_id),
        masked: items.filter((i) => i.masked).length,
      },
    });
    return items;
  }

  return {
    /** Discovery on demand (an officer of the case's area); the event handler runs the same. */
    async discover(ctx: AuditContext, caseId: string) {
      authorize(ctx.actor, 'contact.manage');
      const { loc } = await loadCase(db, caseId);
      authorize(ctx.actor, 'contact.manage', loc);
      return db.transaction((tx) => discoverForCase(tx, caseId, ctx));
    },

    /**
     * A case's chain, ranked by score: the case's officers see every contact (masked outside their
     * area); officers elsewhere see only the contacts living in their area.
     */
    async ofCase(ctx: AuditContext, caseId: string, f: ContactQuery) {
      authorize(ctx.actor, 'contact.read');
      const { loc } = await loadCase(db, caseId);
      const caseInArea = inJurisdiction(ctx.actor, loc);
      const params: unknown[] = [caseId];
      const where = ['root_case_id = $1'];
      if (!caseInArea) {
        const j = jurisdictionSql(ctx.actor, 'c', params.length + 1);
        where.push(j.sql);
        params.push(...j.params);
      }
      if (f.status) where.push(`status = $${params.push(f.status)}`);
      if (f.generation) where.push(`generation = $${params.push(f.generation)}`);
      if (f.venueId)
        where.push(
          `evidence @> $${params.push(JSON.stringify([{ kind: 'checkin', venueId: f.venueId }]))}::jsonb`,
        );
      const limit = Math.min(f.limit ?? 200, 1000);
      return db.transaction(async (tx) => {
        const rows = await tx.query<ContactRow>(
          `select ${COLUMNS} from contacts c where ${where.join(' and ')} order by c.score desc, c.id limit ${limit}`,
          params as never,
        );
        const items = await present(tx, ctx, rows, { caseId });
        // Names of the points in the evidence the caller may see (never shown outside their area).
        const venueIds = new Set<string>();
        for (const i of items)
          for (const e of i.evidence as { venueId?: string }[]) if (e.venueId) venueIds.add(e.venueId);
        const venues = [];
        for (const id of venueIds) {
          const v = await findVenue(tx, id);
          if (v) venues.push({ id: v.id, name: v.name, kind: v.kind });
        }
        return { caseId, caseInArea, items, venues };
      });
    },

    /** Cases traced in the caller's area, newest first, with their contacts by status. */
    async tracedCases(ctx: AuditContext) {
      authorize(ctx.actor, 'contact.read');
      const j = jurisdictionSql(ctx.actor, 't', 1);
      const rows = await db.query<{
        case_id: string;
        window_start: Date;
        window_end: Date;
        traced_at: Date;
        candidate: number;
        confirmed: number;
        dismissed: number;
      }>(
        `select t.case_id, t.window_start, t.window_end, t.traced_at,
                count(*) filter (where c.status = 'candidate')::int as candidate,
                count(*) filter (where c.status = 'confirmed')::int as confirmed,
                count(*) filter (where c.status = 'dismissed')::int as dismissed
           from traced_cases t left join contacts c on c.root_case_id = t.case_id
          where ${j.sql} group by t.case_id order by t.traced_at desc limit 200`,
        j.params,
      );
      return {
        items: rows.map((r) => ({
          caseId: r.case_id,
          windowStart: r.window_start.toISOString(),
          windowEnd: r.window_end.toISOString(),
          tracedAt: r.traced_at.toISOString(),
          candidate: r.candidate,
          confirmed: r.confirmed,
          dismissed: r.dismissed,
        })),
      };
    },

    /** Contacts living in the caller's area, from every case, ranked (the follow-up list of a unit). */
    async inArea(ctx: AuditContext, f: ContactQuery) {
      authorize(ctx.actor, 'contact.read');
      const j = jurisdictionSql(ctx.actor, 'c', 1);
      const params: unknown[] = [...j.params];
      const where = [j.sql];
      if (f.status) where.push(`status = $${params.push(f.status)}`);
      const limit = Math.min(f.limit ?? 200, 1000);
      return db.transaction(async (tx) => {
        const rows = await tx.query<ContactRow>(
          `select ${COLUMNS} from contacts c where ${where.join(' and ')} order by c.score desc, c.id limit ${limit}`,
          params as never,
        );
        return { items: await present(tx, ctx, rows, { area: true }) };
      });
    },

    async confirm(ctx: AuditContext, id: string) {
      authorize(ctx.actor, 'contact.manage');
      return db.transaction(async (tx) => {
        const row = await findContact(tx, id, true);
        if (!row) throw new AppError('CONTACT_NOT_FOUND');
        authorize(ctx.actor, 'contact.manage', locOf(row));
        const r = await confirmRow(tx, ctx, row);
        return view(r, (await personBriefs(tx, [r.person_id])).get(r.person_id), false);
      });
    },

    async dismiss(ctx: AuditContext, id: string, reason: string) {
      authorize(ctx.actor, 'contact.manage');
      if (!reason.trim()) throw new AppError('CONTACT_DISMISS_REASON_REQUIRED');
      return db.transaction(async (tx) => {
        const row = await findContact(tx, id, true);
        if (!row) throw new AppError('CONTACT_NOT_FOUND');
        authorize(ctx.actor, 'contact.manage', locOf(row));
        const r = await dismissRow(tx, ctx, row, reason.trim());
        return view(r, (await personBriefs(tx, [r.person_id])).get(r.person_id), false);
      });
    },

    /** Confirm or dismiss a venue's whole list of candidates of a case, in the caller's area only. */
    async bulk(
      ctx: AuditContext,
      caseId: string,
      input: { venueId: string; decision: 'confirm' | 'dismiss'; reason?: string },
    ) {
      authorize(ctx.actor, 'contact.manage');
      if (input.decision === 'dismiss' && !input.reason?.trim())
        throw new AppError('CONTACT_DISMISS_REASON_REQUIRED');
      await loadCase(db, caseId);
      return db.transaction(async (tx) => {
        const rows = await tx.query<ContactRow>(
          `select ${COLUMNS} from contacts where root_case_id = $1 and status = 'candidate'
              and evidence @> $2::jsonb order by id for update`,
          [caseId, JSON.stringify([{ kind: 'checkin', venueId: input.venueId }])],
        );
        let done = 0;
        let outsideArea = 0;
        for (const row of rows) {
          if (!inJurisdiction(ctx.actor, locOf(row))) {
            outsideArea++;
            continue;
          }
          if (input.decision === 'confirm') await confirmRow(tx, ctx, row);
          else await dismissRow(tx, ctx, row, input.reason!.trim());
          done++;
        }
        return { done, outsideArea };
      });
    },

    /** F2 (and beyond) around one confirmed contact, by an officer of the contact's area. */
    async expand(ctx: AuditContext, id: string) {
      authorize(ctx.actor, 'contact.manage');
      return db.transaction(async (tx) => {
        const row = await findContact(tx, id);
        if (!row) throw new AppError('CONTACT_NOT_FOUND');
        authorize(ctx.actor, 'contact.manage', locOf(row));
        return expandContact(tx, row, ctx);
      });
    },

    /** A contact the case named in the investigation (kept across re-runs of discovery). */
    async addNamed(ctx: AuditContext, caseId: string, input: { personId: string; note?: string }) {
      authorize(ctx.actor, 'contact.manage');
      const { c, loc } = await loadCase(db, caseId);
      authorize(ctx.actor, 'contact.manage', loc);
      if (c.closedReason === 'annulled') throw new AppError('TRACING_CASE_ANNULLED');
      if (input.personId === c.personId) throw new AppError('VALIDATION_FAILED');
      return db.transaction(async (tx) => {
        const rules = tracingRulesAt(new Date(`${c.sampleDate}T12:00:00+07:00`));
        const subject = caseSubject(c, rules, new Date());
        const { found } = await findCandidates(tx, subject, rules);
        mergeEvidence(found, await namedFromInvestigation(tx, c));
        const named: Evidence = { kind: 'named', ...(input.note ? { note: input.note.slice(0, 200) } : {}) };
        // Existing named evidence is merged in by saveCandidates; this one is added now.
        const existing = await tx.query<{ evidence: Evidence[] }>(
          'select evidence from contacts where subject_id = $1 and person_id = $2',
          [caseId, input.personId],
        );
        const already = existing[0]?.evidence.some((e) => e.kind === 'named');
        found.set(input.personId, [...(found.get(input.personId) ?? []), ...(already ? [] : [named])]);
        const areas = await personAreas(tx, [input.personId]);
        if (!areas.has(input.personId)) throw new AppError('PERSON_NOT_FOUND');
        await saveCandidates(tx, subject, found, rules);
        await recordAudit(tx, ctx, { action: 'contact.name', personId: input.personId, details: { caseId } });
        const [row] = await tx.query<ContactRow>(
          `select ${COLUMNS} from contacts where subject_id = $1 and person_id = $2`,
          [caseId, input.personId],
        );
        return view(
          row!,
          (await personBriefs(tx, [input.personId])).get(input.personId),
          !inJurisdiction(ctx.actor, locOf(row!)),
        );
      });
    },

    /**
     * The lines of the case's "close contacts" answer, read afresh, with what each matched: the case's
     * officers complete the pending ones (the names and numbers are theirs to see, never masked away
     * from them, never shown to anyone else).
     */
    async named(ctx: AuditContext, caseId: string) {
      authorize(ctx.actor, 'contact.manage');
      const { loc } = await loadCase(db, caseId);
      if (!inJurisdiction(ctx.actor, loc)) throw new AppError('TRACING_CASE_NOT_FOUND');
      authorize(ctx.actor, 'contact.manage', loc);
      return db.transaction(async (tx) => {
        await discoverForCase(tx, caseId, ctx);
        const rows = await tx.query<NamedRow>(
          `select * from named_contacts where case_id = $1 order by line_no, id`,
          [caseId],
        );
        await recordAudit(tx, ctx, {
          action: 'contact.named_read',
          details: { caseId, lines: rows.length, personIds: rows.flatMap((r) => r.person_id ?? []) },
        });
        return {
          items: rows.map((r) => ({
            id: r.id,
            fullName: r.full_name,
            phones: r.phones,
            idNumbers: r.id_numbers,
            status: r.status,
            personId: r.person_id,
          })),
        };
      });
    },

    /**
     * A pending (or ambiguous) line resolved by the case's officer: the person they registered or
     * picked. The line keeps pointing at them whatever the answer says later; discovery runs again.
     */
    async resolveNamed(ctx: AuditContext, lineId: string, personId: string) {
      authorize(ctx.actor, 'contact.manage');
      if (!UUID.test(lineId)) throw new AppError('NAMED_CONTACT_NOT_FOUND');
      return db.transaction(async (tx) => {
        const [line] = await tx.query<NamedRow>('select * from named_contacts where id = $1 for update', [
          lineId,
        ]);
        if (!line || !inJurisdiction(ctx.actor, locOf(line))) throw new AppError('NAMED_CONTACT_NOT_FOUND');
        authorize(ctx.actor, 'contact.manage', locOf(line));
        const c = await caseForTracing(tx, line.case_id);
        if (!c) throw new AppError('TRACING_CASE_NOT_FOUND');
        if (personId === c.personId) throw new AppError('VALIDATION_FAILED');
        if (!(await personAreas(tx, [personId])).has(personId)) throw new AppError('PERSON_NOT_FOUND');
        await tx.query(
          `update named_contacts set status = 'registered', person_id = $2, updated_at = now() where id = $1`,
          [lineId, personId],
        );
        await recordAudit(tx, ctx, {
          action: 'contact.name',
          personId,
          details: { caseId: c.id, namedId: lineId },
        });
        await discoverForCase(tx, c.id, ctx);
        const [row] = await tx.query<ContactRow>(
          `select ${COLUMNS} from contacts where subject_id = $1 and person_id = $2`,
          [c.id, personId],
        );
        return view(
          row!,
          (await personBriefs(tx, [personId])).get(personId),
          !inJurisdiction(ctx.actor, locOf(row!)),
        );
      });
    },

    /**
     * The citizen's own notices (and their declared family's): the day of exposure, the follow-up end
     * and what to do. Nothing about the case: no name, no case id, no place, no other contact.
     */
    async mine(ctx: AuditContext) {
      authorize(ctx.actor, 'contact.readOwn');
      const own = await citizenPersonId(db, ctx.actor);
      if (!own) return { items: [] };
      const ids = [own, ...(await familyOf(db, own)).map((m) => m.id)];
      return db.transaction(async (tx) => {
        const rows = await tx.query<{
          id: string;
          person_id: string;
          generation: number;
          exposure_date: string;
          status_at: Date;
        }>(
          `select id, person_id, generation, exposure_date::text as exposure_date, status_at from contacts
            where person_id = any($1::uuid[]) and status = 'confirmed' order by exposure_date desc, id`,
          [ids],
        );
        await recordAudit(tx, ctx, {
          action: 'contact.readOwn',
          personId: own,
          details: { count: rows.length },
        });
        const days = tracingRulesAt(new Date()).followUpDays;
        return {
          items: rows.map((r) => ({
            id: r.id,
            personId: r.person_id,
            generation: r.generation,
            exposureDate: r.exposure_date,
            followUpUntil: followUpUntil(r.exposure_date, days),
            notifiedAt: r.status_at.toISOString(),
          })),
        };
      });
    },
  };
}

export { TRACING_MACHINE };
