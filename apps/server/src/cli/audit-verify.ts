import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db/open';
import { deriveAuditKeys } from '../core/audit/audit-keys';
import { HeadStore } from '../core/audit/heads';
import { checkAuditTrail } from '../modules/audit';

/**
 * `npm run audit:verify`: seal what has committed, then check the audit chain with its key and
 * against every signed head in PHONGDICH_AUDIT_HEADS_DIR (or a copy of it given as argument); exit 1
 * on any entry altered, removed, renumbered, inserted or forged.
 */
const config = loadConfig();
const headsDir = process.argv[2] ?? config.auditHeadsDir;
const db = await openDatabase(config);
try {
  const report = await checkAuditTrail(db, new HeadStore(headsDir, deriveAuditKeys(config.auditSecret)));
  const heads = report.lastHead
    ? `${report.heads} signed heads, the last at entry ${report.lastHead.sealSeq} (${report.lastHead.time})`
    : `no signed head in ${headsDir}`;
  if (report.ok)
    console.log(
      `audit chain intact: ${report.checked} entries (${report.legacy} from before keying, ${report.unsealed} not sealed yet); ${heads}`,
    );
  else
    console.error(
      `audit chain BROKEN (${report.problem}${report.brokenAt ? ` at entry ${report.brokenAt}` : ''}, after ${report.checked} good entries); ${heads}`,
    );
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await db.close();
}
