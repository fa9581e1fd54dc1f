import { foldVietnamese } from '@phongdich/domain';
import type { Param, Queryable } from '../../core/db/db';
import { foldedSql, foldForAccountSearch } from '../accounts';
import { personIdsWithDocument } from '../people';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';

export interface AuditFilter {
  personId?: string;
  actorAccountId?: string;
  action?: string;
  breakGlass?: boolean;
  from?: string;
  to?: string;
  beforeId?: number;
  /** The person's name (from its start, without diacritics), or one of their identity numbers. */
  personName?: string;
  personIdNumber?: string;
  /** Part of the acting account's display name or username, without diacritics. */
  actorName?: string;
  limit: number;
}

/** How many people or accounts a name filter may stand for: a broader name must be typed more fully. */
const NAME_MATCH_LIMIT = 1000;

export interface AuditRow {
  id: number;
  at: Date;
  actor_account_id: string | null;
  actor_role: string | null;
  actor_unit: string | null;
  actor_name: string | null;
  actor_unit_name?: string | null;
  action: string;
  person_id: string | null;
  ip: string | null;
  reason: string | null;
  break_glass: boolean;
  details: Record<string, unknown>;
}

/** Newest first, paged by id (`beforeId`), so new entries never shift a page being read. */
export async function searchAudit(q: Queryable, f: AuditFilter): Promise<AuditRow[]> {
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
  const name = f.personName ? foldVietnamese(f.personName) : '';
  if (name) {
    // The name index's range scan, as the people search does: names that start with what was typed.
    params.push(name, `${name}~`);
    where.push(
      `l.person_id in (select p.id from person_brief p where p.name_folded collate "C" >= $${params.length - 1}
         and p.name_folded collate "C" < $${params.length} limit ${NAME_MATCH_LIMIT})`,
    );
  }
  const idNumber = f.personIdNumber?.trim().toUpperCase();
  if (idNumber) {
    add('l.person_id = any(?::uuid[])', await personIdsWithDocument(q, idNumber));
  }
  const actor = f.actorName ? foldForAccountSearch(f.actorName.trim()) : '';
  if (actor) {
    params.push(`%${actor.replace(/[\\%_]/g, '\\$&')}%`);
    const n = params.length;
    where.push(
      `l.actor_account_id in (select x.id::text from account_brief x
         where ${foldedSql('x.display_name')} like $${n} or ${foldedSql("coalesce(x.username, '')")} like $${n}
         limit ${NAME_MATCH_LIMIT})`,
    );
  }
  params.push(f.limit);
  return q.query<AuditRow>(
    `select l.id, l.at, l.actor_account_id, l.actor_role, l.actor_unit, a.display_name as actor_name,
            u.full_name as actor_unit_name, l.action, l.person_id, l.ip, l.reason, l.break_glass, l.details
     from audit_log l left join account_brief a on a.id::text = l.actor_account_id
     left join unit_brief u on u.structure = ${DEPLOYMENT_STRUCTURE_SQL} and u.code = l.actor_unit
     ${where.length ? `where ${where.join(' and ')}` : ''}
     order by l.id desc limit $${params.length}`,
    params,
  );
}
