import type { Queryable } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import type { SessionRow } from './sampling.types';

export interface NewSession {
  name: string;
  kind: string;
  testType: string;
  date: string;
  poolSize: number;
  labId: string | null;
  communeCode: string;
  districtCode: string | null;
  provinceCode: string;
  createdBy: string;
}

export async function insertSession(q: Queryable, s: NewSession): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `insert into testing_sessions (name, kind, test_type, session_date, pool_size, lab_id,
       commune_code, district_code, province_code, created_by_account_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      s.name,
      s.kind,
      s.testType,
      s.date,
      s.poolSize,
      s.labId,
      s.communeCode,
      s.districtCode,
      s.provinceCode,
      s.createdBy,
    ],
  );
  return rows[0]!.id;
}

export async function insertSite(
  q: Queryable,
  sessionId: string,
  name: string,
  address: string | null,
  position: number,
) {
  await q.query('insert into testing_sites (session_id, name, address, position) values ($1, $2, $3, $4)', [
    sessionId,
    name,
    address,
    position,
  ]);
}

export async function findSession(q: Queryable, id: string): Promise<SessionRow | undefined> {
  const rows = await q.query<SessionRow>('select * from testing_sessions where id = $1', [id]);
  return rows[0];
}

export interface SessionListRow extends SessionRow {
  targets: number;
  targets_sampled: number;
  sampled: number;
  tubes: number;
}

/** Progress: targets sampled / total, people sampled in all, tubes used. */
const PROGRESS = `
  (select count(*) from testing_targets t where t.session_id = s.id) as targets,
  (select count(*) from testing_targets t where t.session_id = s.id and exists (
     select 1 from tube_members m where m.session_id = s.id and m.person_id = t.person_id)) as targets_sampled,
  (select count(distinct m.person_id) from tube_members m where m.session_id = s.id) as sampled,
  (select count(distinct m.barcode) from tube_members m where m.session_id = s.id) as tubes`;

/** Sessions within the actor's area, or on whose team the actor is; newest first. */
export async function listSessions(q: Queryable, actor: Actor, accountId: string, limit: number) {
  const j = jurisdictionSql(actor, 's', 2);
  return q.query<SessionListRow>(
    `select s.*, ${PROGRESS} from testing_sessions s
      where (${j.sql}) or exists (select 1 from testing_team_members tm where tm.session_id = s.id and tm.account_id = $1)
      order by s.session_date desc, s.created_at desc limit ${Math.min(Math.max(limit, 1), 500)}`,
    [accountId, ...j.params],
  );
}

export async function sessionWithProgress(q: Queryable, id: string) {
  const rows = await q.query<SessionListRow>(
    `select s.*, ${PROGRESS} from testing_sessions s where s.id = $1`,
    [id],
  );
  return rows[0];
}

export async function sitesOf(q: Queryable, sessionId: string) {
  return q.query<{ id: string; name: string; address: string | null }>(
    'select id, name, address from testing_sites where session_id = $1 order by position',
    [sessionId],
  );
}

export async function teamOf(q: Queryable, sessionId: string) {
  return q.query<{
    account_id: string;
    display_name: string;
    username: string | null;
    site_id: string | null;
  }>(
    `select tm.account_id, a.display_name, a.username, tm.site_id from testing_team_members tm
       left join account_brief a on a.id::text = tm.account_id where tm.session_id = $1 order by a.display_name`,
    [sessionId],
  );
}

export async function isTeamMember(q: Queryable, sessionId: string, accountId: string): Promise<boolean> {
  const rows = await q.query('select 1 from testing_team_members where session_id = $1 and account_id = $2', [
    sessionId,
    accountId,
  ]);
  return rows.length > 0;
}

export async function addTarget(
  q: Queryable,
  sessionId: string,
  personId: string,
  source: 'import' | 'self',
) {
  const rows = await q.query(
    `insert into testing_targets (session_id, person_id, source) values ($1, $2, $3)
     on conflict do nothing returning person_id`,
    [sessionId, personId, source],
  );
  return rows.length > 0;
}

export async function findLab(q: Queryable, id: string) {
  const rows = await q.query<{ id: string; code: string; name: string; province_code: string }>(
    // The lab's read view (0071): sampling may not import the lab, which imports sampling.
    'select id, code, name, province_code from lab_brief where id = $1 and active',
    [id],
  );
  return rows[0];
}
