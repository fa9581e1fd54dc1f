import {
  euTrustListItem,
  fromBase64,
  parseTrustListFile,
  trustedSigner,
  TrustListFileError,
  type EuTrustListItem,
} from '@phongdich/dcc';
import type { TrustedSigner } from '@phongdich/contracts/trust-list';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { DCC_COUNTRY } from './dsc';
import { invalidateVerifierTrust } from './verifier-trust';

/** More signers than any national gateway has published (the EU list holds a few hundred). */
const MAX_CERTIFICATES = 5000;

interface SignerRow {
  id: string;
  kid: string;
  country: string;
  alg: 'ES256' | 'PS256';
  allowed_types: ('v' | 't' | 'r')[];
  subject: string;
  thumbprint: string;
  not_before: Date;
  not_after: Date;
  source: string;
  source_format: string;
  imported_by_name: string;
  imported_at: Date;
}

const view = (r: SignerRow): TrustedSigner => ({
  id: r.id,
  kid: r.kid,
  country: r.country,
  alg: r.alg,
  allowedTypes: r.allowed_types,
  subject: r.subject,
  thumbprint: r.thumbprint,
  notBefore: r.not_before.toISOString(),
  notAfter: r.not_after.toISOString(),
  source: r.source,
  sourceFormat: r.source_format,
  importedBy: r.imported_by_name,
  importedAt: r.imported_at.toISOString(),
});

const COLUMNS = `id::text, kid, country, alg, allowed_types, subject, thumbprint, not_before, not_after,
  source, source_format, imported_by_name, imported_at`;

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('TRUST_LIST_INVALID', [{ field, code: 'invalid', message: { vi, en } }]);
}

/** Reads every certificate of the file; the whole file is refused if one of them cannot be used. */
async function readFile(content: string) {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(content);
  } catch {
    throw invalid('content', 'Nội dung tệp không phải base64', 'The file content is not base64');
  }
  let file;
  try {
    file = parseTrustListFile(bytes);
  } catch (e) {
    if (e instanceof TrustListFileError)
      throw invalid('content', 'Không đọc được tệp danh sách tin cậy', `Not a trust-list file: ${e.message}`);
    throw e;
  }
  if (!file.certificates.length || file.certificates.length > MAX_CERTIFICATES)
    throw invalid('content', 'Tệp không có chứng thư hoặc quá nhiều', 'No certificates, or too many');
  const signers = [];
  for (const [i, c] of file.certificates.entries()) {
    try {
      const s = await trustedSigner(c.der);
      const country = s.country ?? c.country;
      if (!country || !/^[A-Z]{2}$/.test(country)) throw new Error('no country');
      signers.push({ ...s, country });
    } catch (e) {
      throw invalid(
        `certificates[${i}]`,
        `Chứng thư thứ ${i + 1} không dùng được`,
        `Certificate ${i + 1} cannot be used: ${(e as Error).message.slice(0, 120)}`,
      );
    }
  }
  return { format: file.format, signers };
}

/** The trust list of other issuers' document signers (national administrators only; audited). */
export function trustListService(db: Db) {
  return {
    async list(ctx: AuditContext): Promise<TrustedSigner[]> {
      authorize(ctx.actor, 'trustlist.manage');
      const rows = await db.query<SignerRow>(
        `select ${COLUMNS} from dcc_trusted_signers where removed_at is null order by country, imported_at`,
      );
      return rows.map(view);
    },

    /**
     * Imports a file's signers in one transaction with its audit entry: all of them or none. A signer
     * already trusted (same certificate) is counted, not duplicated, so importing a file again adds nothing.
     */
    async importFile(ctx: AuditContext, input: { source: string; content: string }) {
      authorize(ctx.actor, 'trustlist.manage');
      const a = ctx.actor;
      if (a.kind !== 'staff') throw new AppError('FORBIDDEN');
      const { format, signers } = await readFile(input.content);
      const result = await db.transaction(async (tx) => {
        const added: SignerRow[] = [];
        for (const s of signers) {
          const rows = await tx.query<SignerRow>(
            `insert into dcc_trusted_signers (kid, country, certificate, thumbprint, alg, allowed_types, subject,
               not_before, not_after, source, source_format, imported_by_account_id, imported_by_name)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             on conflict (thumbprint) where removed_at is null do nothing
             returning ${COLUMNS}`,
            [
              s.kid,
              s.country,
              Buffer.from(s.der).toString('base64'),
              s.thumbprint,
              s.alg,
              s.allowedTypes,
              s.subject.slice(0, 500),
              s.notBefore,
              s.notAfter,
              input.source.trim(),
              format,
              a.accountId,
              a.displayName,
            ],
          );
          if (rows[0]) added.push(rows[0]);
        }
        await recordAudit(tx, ctx, {
          action: 'trustlist.import',
          details: {
            source: input.source.trim(),
            format,
            certificates: signers.length,
            imported: added.map((r) => r.kid),
          },
        });
        return added;
      });
      invalidateVerifierTrust();
      return {
        format,
        imported: result.length,
        alreadyTrusted: signers.length - result.length,
        items: result.map(view),
      };
    },

    async remove(ctx: AuditContext, id: string) {
      authorize(ctx.actor, 'trustlist.manage');
      const a = ctx.actor;
      if (a.kind !== 'staff') throw new AppError('FORBIDDEN');
      const removed = await db.transaction(async (tx) => {
        const rows = await tx.query<{ kid: string; country: string }>(
          `update dcc_trusted_signers set removed_at = now(), removed_by_account_id = $2, changed_at = now()
           where id = $1 and removed_at is null returning kid, country`,
          [id, a.accountId],
        );
        if (!rows[0]) throw new AppError('TRUST_LIST_ENTRY_NOT_FOUND');
        await recordAudit(tx, ctx, { action: 'trustlist.remove', details: { id, ...rows[0] } });
        return rows[0];
      });
      invalidateVerifierTrust();
      return { id, removed: true as const, kid: removed.kid };
    },
  };
}

/** Our document signers (active and retired DCC keys that have a DSC) in the EU gateway's form. */
export async function publishedTrustList(q: Queryable): Promise<{ certificates: EuTrustListItem[] }> {
  const rows = await q.query<{ certificate: string; created_at: Date }>(
    `select certificate, created_at from signing_keys
     where purpose = 'dcc' and certificate is not null order by created_at desc`,
  );
  const certificates = [];
  for (const r of rows)
    certificates.push(
      euTrustListItem(await trustedSigner(fromBase64(r.certificate)), DCC_COUNTRY, r.created_at),
    );
  return { certificates };
}
