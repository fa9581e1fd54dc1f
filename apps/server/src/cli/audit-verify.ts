import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db/open';
import { sealAudit, verifyAuditChain } from '../core/audit/audit';

/** `npm run audit:verify`: recompute the audit hash chain; exit 1 if any entry was altered. */
const db = await openDatabase(loadConfig());
try {
  await sealAudit(db, { wait: true });
  const report = await verifyAuditChain(db);
  if (report.ok)
    console.log(`audit chain intact: ${report.checked} entries (${report.unsealed} not sealed yet)`);
  else console.error(`audit chain BROKEN at entry ${report.brokenAt} (after ${report.checked} good entries)`);
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await db.close();
}
