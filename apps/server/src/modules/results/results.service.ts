import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { familyOf, loadPerson, locationOf, citizenAccount, personIdByPhone } from '../people';
import { certificatePdf } from '../certificates';
import type { OfficerResult } from '@phongdich/contracts/results';
import { certificateOf, pendingRetests, resultsOfPeople, type PersonResultRow } from './results.repository';

/** The people whose results the citizen may see: themselves and the family members they declared. */
async function ownAndFamily(
  q: Queryable,
  ctx: AuditContext,
): Promise<{ id: string; name: string; self: boolean }[]> {
  authorize(ctx.actor, 'results.readOwn');
  if (ctx.actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
  const account = await citizenAccount(q, ctx.actor.accountId);
  const own = account?.person_id ?? (account?.phone ? await personIdByPhone(q, account.phone) : undefined);
  if (!own) return [];
  const names = await q.query<{ id: string; full_name: string }>(
    'select id, full_name from person_brief where id = $1',
    [own],
  );
  const family = await familyOf(q, own);
  return [
    { id: own, name: names[0]?.full_name ?? '', self: true },
    ...family.map((f) => ({ id: f.id, name: f.fullName, self: false })),
  ];
}

const officerResult = (r: PersonResultRow): OfficerResult => ({
  id: r.id,
  result: r.result,
  testType: r.test_type,
  pooled: r.pooled,
  collectedAt: r.collected_at?.toISOString() ?? null,
  releasedAt: r.released_at.toISOString(),
  labName: r.lab_name,
  corrected: r.corrected,
});

export function resultsService(db: Db) {
  return {
    /** An officer reads one person's released results: a person read in their jurisdiction, audited. */
    async ofPerson(ctx: AuditContext, personId: string) {
      authorize(ctx.actor, 'person.read');
      const person = await loadPerson(db, personId);
      authorize(ctx.actor, 'person.read', locationOf(person));
      const rows = await resultsOfPeople(db, [person.id]);
      const retest = await pendingRetests(db, [person.id]);
      await recordAudit(db, ctx, {
        action: 'results.read',
        personId: person.id,
        details: { officer: true, results: rows.length },
      });
      return {
        retestPending: retest.has(person.id),
        results: rows.map(officerResult),
      };
    },
    async mine(ctx: AuditContext) {
      const people = await ownAndFamily(db, ctx);
      const ids = people.map((p) => p.id);
      const rows = ids.length ? await resultsOfPeople(db, ids) : [];
      const retest = ids.length ? await pendingRetests(db, ids) : new Set<string>();
      // A citizen reading their own or a family member's results is a read of that person's data.
      for (const p of people)
        await recordAudit(db, ctx, {
          action: 'results.read',
          personId: p.id,
          details: { self: p.self, results: rows.filter((r) => r.person_id === p.id).length },
        });
      return {
        people: people.map((p) => ({
          personId: p.id,
          name: p.name,
          self: p.self,
          retestPending: retest.has(p.id),
          results: rows
            .filter((r) => r.person_id === p.id)
            .map((r) => ({
              ...officerResult(r),
              hasCertificate: r.certificate_id !== null && !r.certificate_revoked,
            })),
        })),
      };
    },

    async certificate(ctx: AuditContext, personResultId: string) {
      const people = await ownAndFamily(db, ctx);
      const cert = /^[0-9a-f-]{36}$/i.test(personResultId)
        ? await certificateOf(db, personResultId)
        : undefined;
      if (!cert || !people.some((p) => p.id === cert.person_id)) throw new AppError('CERTIFICATE_NOT_FOUND');
      await recordAudit(db, ctx, {
        action: 'results.certificate.read',
        personId: cert.person_id,
        details: { uvci: cert.uvci },
      });
      return cert;
    },

    async certificatePdf(ctx: AuditContext, personResultId: string): Promise<Buffer> {
      const c = await this.certificate(ctx, personResultId);
      return certificatePdf({
        hc1: c.hc1,
        uvci: c.uvci,
        fullName: c.full_name,
        birth: c.birth,
        result: c.result,
        testType: c.test_type,
        collectedAt: c.collected_at ?? c.released_at,
        labName: c.lab_name ?? '',
        expiresAt: c.expires_at,
      });
    },
  };
}
