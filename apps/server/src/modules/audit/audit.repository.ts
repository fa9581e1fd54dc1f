import type { Param, Queryable } from '../../core/db/db';

export interface AuditFilter {
  personId?: string;
  actorAccountId?: string;
  action?: string;
  breakGlass?: boolean;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_account_id: string | null;
  actor_role: string | null;
  actor_unit: string | null;
  actor_name: string | null;
  action: string;
  person_id: string | null;
  ip: string | null;
  reason: string | null;
  break_glass: boolean;
  details: Record<string, unknown>;
}

/** Newest first, paged by id (`beforeId`), so new entries never shift a page being read. */
export function searchAudit(q: Queryable, f: AuditFilter): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: Param[] = [];
  const add = (sql: string, value: Param) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.personId) add('l.person_id = ?', f.personId);
  if (f.actorAccountId) add('l.actor_account_id = ?', f.actorAccountId);
  if (f.action) add('l.action = ?', f.action);
  if (f.breakGlass) where.push('l.break_glass');
  if (f.from) add('l.at >= ?', new Date(f.from));
  if (f.to) add('l.at < ?', new Date(f.to));
  if (f.beforeId) add('l.id < ?', f.beforeId);
  params.push(f.limit);
  return q.query<AuditRow>(
    `select l.id, l.at, l.actor_account_id, l.actor_role, l.actor_unit, a.display_name as actor_name, l.action,
            l.person_id, l.ip, l.reason, l.break_glass, l.details
     from audit_log l left join accounts a on a.id::text = l.actor_account_id
     ${where.length ? `where ${where.join(' and ')}` : ''}
     order by l.id desc limit $${params.length}`,
    params,
  );
}
