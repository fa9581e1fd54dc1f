import { ANONYMOUS } from '../../core/auth/actor';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import type { Queryable } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { emitEvent } from '../../core/events/emit';
import { addHistory, findCase } from './cases.repository';

/**
 * Links set by tracing (its own authorization done): the cluster a case belongs to, or its source
 * case. A new version with its history row, audit entry and `case.updated`; no change, no version.
 */
async function setLink(
  tx: Queryable,
  caseId: string,
  field: 'clusterId' | 'sourceCaseId',
  value: string | null,
  audit: AuditContext = { actor: ANONYMOUS },
): Promise<number> {
  const c = await findCase(tx, caseId, true);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const current = field === 'clusterId' ? c.cluster_id : c.source_case_id;
  if (current === value) return c.version;
  if (field === 'sourceCaseId' && value !== null && (value === c.id || !(await findCase(tx, value))))
    throw new AppError('CASE_NOT_FOUND', undefined, 'unknown source case');
  const column = field === 'clusterId' ? 'cluster_id' : 'source_case_id';
  const version = c.version + 1;
  await tx.query(`update cases set ${column} = $2, version = $3, updated_at = now() where id = $1`, [
    c.id,
    value,
    version,
  ]);
  const account = audit.actor.kind === 'anonymous' ? null : audit.actor.accountId;
  await addHistory(tx, c.id, version, [field], account);
  await recordAudit(tx, audit, {
    action: 'case.update',
    personId: c.person_id,
    details: { caseId: c.id, changed: [field] },
  });
  await emitEvent(tx, 'case.updated', { caseId: c.id, personId: c.person_id, changed: [field] });
  return version;
}

export const setCaseCluster = (
  tx: Queryable,
  caseId: string,
  clusterId: string | null,
  audit?: AuditContext,
) => setLink(tx, caseId, 'clusterId', clusterId, audit);
export const setSourceCase = (
  tx: Queryable,
  caseId: string,
  sourceCaseId: string | null,
  audit?: AuditContext,
) => setLink(tx, caseId, 'sourceCaseId', sourceCaseId, audit);
