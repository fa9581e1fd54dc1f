import type { NamedWaiting, RegisterNamedAnswer } from '@phongdich/contracts/tracing';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { inJurisdiction, jurisdictionSql, type Location } from '../../core/auth/jurisdiction';
import { authorize } from '../../core/auth/policy';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { caseForTracing } from '../cases';
import { createPersonIn, isUniqueViolation, validPersonFields, type PersonInput } from '../people';
import { discoverForCase } from './tracing.contacts';
import type { NamedRow } from './tracing.named';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const locOf = (r: NamedRow): Location => ({
  communeCode: r.commune_code,
  districtCode: r.district_code,
  provinceCode: r.province_code,
  structure: r.unit_structure,
});

/**
 * The named lines of an officer's area (the case's area) that still wait for a person, and the
 * registration of a new person from one: the officer completes what the case said (prefilled), the
 * person is created in the registry (people's own rules, duplicate check and audit), the line resolves
 * to them and discovery runs, so they become a candidate of the case at once.
 */
export function namedRegisterService(db: Db) {
  return {
    async waiting(ctx: AuditContext): Promise<NamedWaiting> {
      authorize(ctx.actor, 'contact.manage');
      const j = jurisdictionSql(ctx.actor, 'n', 1);
      return db.transaction(async (tx) => {
        const rows = await tx.query<NamedRow & { line_no: number; created_at: Date }>(
          `select n.* from named_contacts n where ${j.sql} and n.status in ('pending', 'ambiguous')
            order by n.created_at desc, n.case_id, n.line_no limit 200`,
          j.params,
        );
        await recordAudit(tx, ctx, {
          action: 'contact.named_read',
          details: { waiting: true, lines: rows.length, caseIds: [...new Set(rows.map((r) => r.case_id))] },
        });
        return {
          items: rows.map((r) => ({
            id: r.id,
            caseId: r.case_id,
            lineNo: r.line_no,
            fullName: r.full_name,
            phones: r.phones,
            idNumbers: r.id_numbers,
            status: r.status as 'pending' | 'ambiguous',
            communeCode: r.commune_code,
            createdAt: r.created_at.toISOString(),
          })),
        };
      });
    },

    async register(ctx: AuditContext, lineId: string, input: PersonInput): Promise<RegisterNamedAnswer> {
      authorize(ctx.actor, 'contact.manage');
      authorize(ctx.actor, 'person.create');
      if (!UUID.test(lineId)) throw new AppError('NAMED_CONTACT_NOT_FOUND');
      const f = await validPersonFields(db, input);
      try {
        return await db.transaction(async (tx) => {
          const [line] = await tx.query<NamedRow>('select * from named_contacts where id = $1 for update', [
            lineId,
          ]);
          if (!line || !inJurisdiction(ctx.actor, locOf(line))) throw new AppError('NAMED_CONTACT_NOT_FOUND');
          authorize(ctx.actor, 'contact.manage', locOf(line));
          const c = await caseForTracing(tx, line.case_id);
          if (!c) throw new AppError('TRACING_CASE_NOT_FOUND');
          if (c.closedReason === 'annulled' || line.status === 'withdrawn')
            throw new AppError('TRACING_CASE_ANNULLED');
          const contactOf = async (personId: string) =>
            (
              await tx.query<{ id: string }>(
                'select id::text as id from contacts where subject_id = $1 and person_id = $2',
                [c.id, personId],
              )
            )[0]?.id ?? null;
          // A retry after the answer was lost: the person registered the first time, nobody new.
          if (line.status === 'registered' && line.person_id)
            return {
              personId: line.person_id,
              contactId: await contactOf(line.person_id),
              caseId: c.id,
              created: false,
            };
          if (line.status !== 'pending' && line.status !== 'ambiguous')
            throw new AppError('NAMED_CONTACT_RESOLVED');
          // The registry's own rule on where an officer may register people.
          authorize(ctx.actor, 'person.create', {
            provinceCode: f.provinceCode,
            districtCode: f.districtCode,
            communeCode: f.communeCode,
            structure: f.unitStructure,
          });
          const person = await createPersonIn(tx, ctx, f, {
            revealExistingId: true,
            details: { namedId: line.id, caseId: c.id },
          });
          await tx.query(
            `update named_contacts set status = 'registered', person_id = $2, updated_at = now() where id = $1`,
            [line.id, person.id],
          );
          await recordAudit(tx, ctx, {
            action: 'contact.name',
            personId: person.id,
            details: { caseId: c.id, namedId: line.id, registered: true },
          });
          await discoverForCase(tx, c.id, ctx);
          return { personId: person.id, contactId: await contactOf(person.id), caseId: c.id, created: true };
        });
      } catch (err) {
        // Two officers registering the same numbers at once: the registry's unique index decides.
        if (isUniqueViolation(err)) throw new AppError('DUPLICATE_PERSON');
        throw err;
      }
    },
  };
}
