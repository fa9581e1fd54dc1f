import type { Db } from '../../core/db/db';
import {
  AuditChainBroken,
  recordAudit,
  verifyAuditChain,
  type AuditContext,
  type ChainReport,
} from '../../core/audit/audit';
import type { HeadStore } from '../../core/audit/heads';
import { sealAndPublish } from '../../core/audit/sealer';
import { authorize } from '../../core/auth/policy';
import { searchAudit, type AuditFilter, type AuditRow } from './audit.repository';
import { toCsv } from './audit-csv';

/** Which filters were used (not their values: a person id filter is itself sensitive context). */
function filterNames(f: Omit<AuditFilter, 'limit'>): string[] {
  return Object.entries(f)
    .filter(([k, v]) => k !== 'limit' && v !== undefined && v !== false)
    .map(([k]) => k);
}

/** Reading the audit is itself audited, in the same transaction as the read. */
export async function readAudit(
  db: Db,
  ctx: AuditContext,
  f: AuditFilter,
): Promise<{ rows: AuditRow[]; nextBeforeId: number | null }> {
  authorize(ctx.actor, 'audit.read');
  return db.transaction(async (tx) => {
    const rows = await searchAudit(tx, { ...f, limit: f.limit + 1 });
    await recordAudit(tx, ctx, {
      action: 'audit.read',
      personId: f.personId ?? null,
      details: { filters: filterNames(f), count: Math.min(rows.length, f.limit) },
    });
    const more = rows.length > f.limit;
    const page = rows.slice(0, f.limit);
    return { rows: page, nextBeforeId: more ? page[page.length - 1]!.id : null };
  });
}

export const EXPORT_MAX_ROWS = 100_000;

export async function exportAudit(db: Db, ctx: AuditContext, f: Omit<AuditFilter, 'limit'>): Promise<string> {
  authorize(ctx.actor, 'audit.export');
  return db.transaction(async (tx) => {
    const rows: AuditRow[] = [];
    let beforeId = f.beforeId;
    while (rows.length < EXPORT_MAX_ROWS) {
      const page = await searchAudit(tx, { ...f, beforeId, limit: 5000 });
      rows.push(...page);
      if (page.length < 5000) break;
      beforeId = page[page.length - 1]!.id;
    }
    await recordAudit(tx, ctx, {
      action: 'audit.read',
      personId: f.personId ?? null,
      details: { export: true, filters: filterNames(f), count: rows.length },
    });
    return toCsv(rows);
  });
}

/**
 * Seals what has committed and publishes a head first, so the report covers every entry up to now;
 * then checks the chain with the key and against every published head.
 */
export async function checkAuditTrail(db: Db, heads: HeadStore): Promise<ChainReport> {
  // A chain that no longer verifies is not sealed over: verification then says where it breaks.
  await sealAndPublish(db, heads).catch((err: unknown) => {
    if (!(err instanceof AuditChainBroken)) throw err;
  });
  return verifyAuditChain(db, { heads });
}

export async function verifyAudit(db: Db, heads: HeadStore, ctx: AuditContext): Promise<ChainReport> {
  authorize(ctx.actor, 'audit.read');
  const report = await checkAuditTrail(db, heads);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'audit.read',
      details: {
        verify: true,
        ok: report.ok,
        checked: report.checked,
        unsealed: report.unsealed,
        ...(report.problem ? { problem: report.problem } : {}),
      },
    }),
  );
  return report;
}
