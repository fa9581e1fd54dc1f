import type { ResultValue } from '@phongdich/contracts/lab';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { inJurisdiction, NOWHERE, type Location } from '../../core/auth/jurisdiction';
import { AppError } from '../../core/errors';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { revoke } from '../keys';
import type { UnitStructure } from '../../core/units/structure';

interface CertificateRow {
  uvci: string;
  person_id: string;
  full_name: string | null;
  result: ResultValue;
  test_type: string;
  pooled: boolean;
  issued_at: Date;
  lab_name: string | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  person_structure: UnitStructure | null;
  person_province: string | null;
  person_district: string | null;
  person_commune: string | null;
  lab_structure: UnitStructure | null;
  lab_province: string | null;
  lab_district: string | null;
  lab_commune: string | null;
}

/**
 * The certificate with its result, person, lab and revocation, in one statement over the owners' read
 * views (lab's person_result_brief and lab_brief, people's person_brief, keys' revocation_brief, 0071):
 * the lab imports certificates, so certificates reads the lab's rows through its views, not a call.
 */
async function certificateByUvci(q: Queryable, uvci: string): Promise<CertificateRow | undefined> {
  const rows = await q.query<CertificateRow>(
    `select c.uvci, c.person_id::text as person_id, p.full_name, r.result, r.test_type, r.pooled, c.issued_at,
       r.lab_name, v.revoked_at, v.reason as revoke_reason,
       p.unit_structure as person_structure, p.province_code as person_province, p.district_code as person_district, p.commune_code as person_commune,
       l.unit_structure as lab_structure, l.province_code as lab_province, l.district_code as lab_district, l.commune_code as lab_commune
     from test_certificates c
       join person_result_brief r on r.id = c.person_result_id
       left join person_brief p on p.id = c.person_id
       left join lab_brief l on l.id = r.lab_id
       left join revocation_brief v on v.type = 'DCC' and v.id = c.uvci
     where c.uvci = $1`,
    [uvci],
  );
  return rows[0];
}

/**
 * Revocation follows jurisdiction (issue #8): an officer may revoke a certificate of a person who lives
 * in their area, or one issued by a lab in their area; a national administrator any. Outside it the
 * certificate is refused as FORBIDDEN without showing anything about it.
 */
function assertReach(ctx: AuditContext, c: CertificateRow): void {
  // No structure: the person or lab was not found (left joins), so it lies nowhere.
  const person: Location = c.person_structure
    ? {
        provinceCode: c.person_province,
        districtCode: c.person_district,
        communeCode: c.person_commune,
        structure: c.person_structure,
      }
    : NOWHERE;
  const lab: Location = c.lab_structure
    ? {
        provinceCode: c.lab_province,
        districtCode: c.lab_district,
        communeCode: c.lab_commune,
        structure: c.lab_structure,
      }
    : NOWHERE;
  if (!inJurisdiction(ctx.actor, person) && !inJurisdiction(ctx.actor, lab))
    throw new AppError('FORBIDDEN', undefined, 'certificate.revoke outside jurisdiction');
}

/** A UVCI as typed, or the one inside a pasted/scanned HC1 is found by the caller; here only trimmed. */
const cleanUvci = (uvci: string) => uvci.trim();

export function certificateRevocationService(db: Db) {
  return {
    /** What an officer sees before revoking: the certificate, whose, and whether it is in force. Audited. */
    async lookup(ctx: AuditContext, uvciRaw: string) {
      authorize(ctx.actor, 'certificate.revoke');
      const uvci = cleanUvci(uvciRaw);
      const c = await certificateByUvci(db, uvci);
      if (!c) throw new AppError('CERTIFICATE_NOT_FOUND');
      assertReach(ctx, c);
      await recordAudit(db, ctx, { action: 'certificate.lookup', personId: c.person_id, details: { uvci } });
      return {
        uvci: c.uvci,
        name: c.full_name ?? '',
        result: c.result,
        testType: c.test_type,
        pooled: c.pooled,
        issuedAt: c.issued_at.toISOString(),
        labName: c.lab_name,
        revokedAt: c.revoked_at?.toISOString() ?? null,
        revokeReason: c.revoke_reason,
      };
    },

    async revoke(ctx: AuditContext, uvciRaw: string, reasonRaw: string, idempotencyKey?: string) {
      authorize(ctx.actor, 'certificate.revoke');
      const uvci = cleanUvci(uvciRaw);
      const reason = reasonRaw.trim();
      const res = await runIdempotent(
        db,
        {
          scope: idempotencyScope('certificate.revoke', ctx.actor),
          key: idempotencyKey,
          body: { uvci, reason },
          status: 200,
        },
        async (tx) => {
          const c = await certificateByUvci(tx, uvci);
          if (!c) throw new AppError('CERTIFICATE_NOT_FOUND');
          assertReach(ctx, c);
          if (c.revoked_at) throw new AppError('CERTIFICATE_ALREADY_REVOKED');
          await revoke(tx, {
            type: 'DCC',
            id: uvci,
            reason,
            revokedBy: ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
          });
          await recordAudit(tx, ctx, {
            action: 'certificate.revoke',
            personId: c.person_id,
            reason,
            details: { uvci },
          });
          return { uvci, revoked: true as const };
        },
      );
      return res.body;
    },
  };
}
