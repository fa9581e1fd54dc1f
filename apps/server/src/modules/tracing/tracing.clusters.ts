import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { inJurisdiction, jurisdictionSql, type Location } from '../../core/auth/jurisdiction';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { maskName } from '@phongdich/domain';
import { householdOf, personBriefs } from '../people';
import { venueNames, venuesForTracing } from '../venues';
import { DAY_MS, tracingRulesAt } from './tracing.rules';
import { expandContact, type ContactRow } from './tracing.contacts';

interface ClusterRow {
  id: string;
  kind: 'venue' | 'workplace' | 'household' | 'area';
  anchor: string;
  name: string | null;
  status: 'proposed' | 'confirmed' | 'closed';
  rules_version: string;
  proposed_at: Date;
  confirmed_at: Date | null;
  closed_at: Date | null;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: 'pre2025' | '2025';
  version: number;
}
const locOf = (r: ClusterRow): Location => ({
  communeCode: r.commune_code,
  districtCode: r.district_code,
  provinceCode: r.province_code,
  structure: r.unit_structure,
});
const WORKPLACE_KINDS = new Set(['office', 'factory', 'school', 'hospital']);

/** Proposes (or grows) an open cluster at an anchor with the cases given; idempotent per (kind, anchor). */
async function propose(
  tx: Queryable,
  kind: ClusterRow['kind'],
  anchor: string,
  caseIds: string[],
  areaOfCase: string,
  rulesVersion: string,
) {
  const area = await tx.query<{
    commune_code: string;
    district_code: string | null;
    province_code: string;
    unit_structure: string;
  }>(
    'select commune_code, district_code, province_code, unit_structure from traced_cases where case_id = $1',
    [areaOfCase],
  );
  const a = area[0];
  if (!a) return null;
  await tx.query(
    `insert into clusters (kind, anchor, rules_version, commune_code, district_code, province_code, unit_structure)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (kind, anchor) where status <> 'closed' do nothing`,
    [kind, anchor, rulesVersion, a.commune_code, a.district_code, a.province_code, a.unit_structure],
  );
  const [c] = await tx.query<{ id: string }>(
    `select id from clusters where kind = $1 and anchor = $2 and status <> 'closed'`,
    [kind, anchor],
  );
  await tx.query(
    `insert into cluster_cases (cluster_id, case_id) select $1, unnest($2::uuid[]) on conflict do nothing`,
    [c!.id, caseIds],
  );
  return c!.id;
}

/**
 * Cluster rule (data: rules.cluster): a point (a workplace when its kind is one) or a household with at
 * least `minCases` traced cases whose windows fall within `windowDays` of this case's is proposed; so is
 * the case's commune with `areaMinCases` traced cases living in it (when the rules have an area rule).
 */
export async function detectClusters(tx: Queryable, caseId: string): Promise<string[]> {
  // An annulled case (a corrected result: never a case) proposes nothing and counts for nothing.
  const [me] = await tx.query<{ person_id: string; window_start: Date; window_end: Date }>(
    'select person_id, window_start, window_end from traced_cases where case_id = $1 and annulled_at is null',
    [caseId],
  );
  if (!me) return [];
  // The cluster rule in force when the cluster is proposed (now), not when the case was infectious:
  // proposing is today's decision, by today's rule.
  const rules = tracingRulesAt(new Date());
  const since = new Date(me.window_start.getTime() - rules.cluster.windowDays * DAY_MS);
  const until = new Date(me.window_end.getTime() + rules.cluster.windowDays * DAY_MS);
  const proposed: string[] = [];
  const atVenues = await tx.query<{ venue_id: string; case_ids: string[] }>(
    `select v.venue_id, array_agg(distinct o.case_id) as case_ids
       from traced_case_venues v
       join traced_case_venues o on o.venue_id = v.venue_id and o.last_at >= $2 and o.first_at < $3
       join traced_cases t on t.case_id = o.case_id and t.annulled_at is null
      where v.case_id = $1 group by v.venue_id having count(distinct o.case_id) >= $4`,
    [caseId, since, until, rules.cluster.minCases],
  );
  const kinds = await venuesForTracing(
    tx,
    atVenues.map((r) => r.venue_id),
  );
  for (const r of atVenues) {
    const kind = WORKPLACE_KINDS.has(kinds.get(r.venue_id)?.kind ?? '') ? 'workplace' : 'venue';
    const id = await propose(tx, kind, r.venue_id, r.case_ids, caseId, rules.version);
    if (id) proposed.push(id);
  }
  const household = (await householdOf(tx, me.person_id)).map((h) => h.personId);
  const housed = await tx.query<{ case_id: string; person_id: string }>(
    `select case_id, person_id from traced_cases
      where person_id = any($1::uuid[]) and window_end >= $2 and window_start < $3 and annulled_at is null`,
    [household, since, until],
  );
  if (housed.length + 1 >= rules.cluster.minCases) {
    // The household is named by its earliest member's id among the cases (stable whoever is traced first).
    const anchor = [me.person_id, ...housed.map((h) => h.person_id)].sort()[0]!;
    const id = await propose(
      tx,
      'household',
      anchor,
      [caseId, ...housed.map((h) => h.case_id)],
      caseId,
      rules.version,
    );
    if (id) proposed.push(id);
  }
  // The area: the case's commune (on its map) with enough traced cases living there in the window.
  if (rules.cluster.areaMinCases) {
    const [area] = await tx.query<{ anchor: string; case_ids: string[] }>(
      `select t.unit_structure || ':' || t.commune_code as anchor, array_agg(o.case_id order by o.case_id) as case_ids
         from traced_cases t
         join traced_cases o on o.commune_code = t.commune_code and o.unit_structure = t.unit_structure
                            and o.window_end >= $2 and o.window_start < $3 and o.annulled_at is null
        where t.case_id = $1
        group by t.unit_structure, t.commune_code having count(*) >= $4`,
      [caseId, since, until, rules.cluster.areaMinCases],
    );
    if (area) {
      const id = await propose(tx, 'area', area.anchor, area.case_ids, caseId, rules.version);
      if (id) proposed.push(id);
    }
  }
  return proposed;
}

/**
 * A case annulled by a result correction (tracing.withdraw.ts) stops counting for clusters: its traced
 * record is marked (kept for history) and it leaves every cluster still open (proposed or confirmed);
 * a closed cluster's record of what it was stays. Idempotent. Returns the clusters it left.
 */
export async function unlinkAnnulledCase(tx: Queryable, caseId: string): Promise<string[]> {
  await tx.query('update traced_cases set annulled_at = now() where case_id = $1 and annulled_at is null', [
    caseId,
  ]);
  const left = await tx.query<{ cluster_id: string }>(
    `delete from cluster_cases k using clusters c
      where k.cluster_id = c.id and c.status <> 'closed' and k.case_id = $1 returning k.cluster_id`,
    [caseId],
  );
  return left.map((r) => r.cluster_id);
}

export function clustersService(db: Db) {
  const view = (r: ClusterRow) => ({
    id: r.id,
    kind: r.kind,
    anchor: r.anchor,
    name: r.name,
    status: r.status,
    rulesVersion: r.rules_version,
    proposedAt: r.proposed_at.toISOString(),
    confirmedAt: r.confirmed_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    communeCode: r.commune_code,
    version: r.version,
  });
  async function load(
    tx: Queryable,
    ctx: AuditContext,
    id: string,
    action: 'cluster.read' | 'cluster.manage',
    lock = false,
  ) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('CLUSTER_NOT_FOUND');
    const [r] = await tx.query<ClusterRow>(
      `select * from clusters where id = $1${lock ? ' for update' : ''}`,
      [id],
    );
    if (!r || !inJurisdiction(ctx.actor, locOf(r))) throw new AppError('CLUSTER_NOT_FOUND');
    authorize(ctx.actor, action, locOf(r));
    return r;
  }
  return {
    async list(ctx: AuditContext, status?: string) {
      authorize(ctx.actor, 'cluster.read');
      const j = jurisdictionSql(ctx.actor, 'c', 1);
      const params: unknown[] = [...j.params];
      const st = status ? `and c.status = $${params.push(status)}` : '';
      const rows = await db.query<ClusterRow & { cases: number }>(
        `select c.*, (select count(*)::int from cluster_cases k where k.cluster_id = c.id) as cases
           from clusters c where ${j.sql} ${st} order by c.proposed_at desc limit 200`,
        params as never,
      );
      return { items: rows.map((r) => ({ ...view(r), cases: r.cases })) };
    },
    /** The cluster's cases, their contacts and the points involved, over time (ids, days, scores). */
    async get(ctx: AuditContext, id: string) {
      authorize(ctx.actor, 'cluster.read');
      return db.transaction(async (tx) => {
        const r = await load(tx, ctx, id, 'cluster.read');
        const cases = await tx.query<{
          case_id: string;
          person_id: string;
          window_start: Date;
          window_end: Date;
          linked_at: Date;
          annulled_at: Date | null;
          commune_code: string;
          district_code: string | null;
          province_code: string;
          unit_structure: 'pre2025' | '2025';
        }>(
          `select k.case_id, t.person_id, t.window_start, t.window_end, k.linked_at, t.annulled_at,
                  t.commune_code, t.district_code, t.province_code, t.unit_structure
             from cluster_cases k join traced_cases t on t.case_id = k.case_id
            where k.cluster_id = $1 order by t.window_start, k.case_id`,
          [id],
        );
        const caseIds = cases.map((c) => c.case_id);
        const contacts = await tx.query<{ status: string; generation: number; day: string; n: number }>(
          `select status, generation, exposure_date::text as day, count(*)::int as n from contacts
            where root_case_id = any($1::uuid[]) group by status, generation, exposure_date order by exposure_date`,
          [caseIds],
        );
        const venues = await tx.query<{ venue_id: string; first_at: Date; last_at: Date; cases: number }>(
          `select venue_id, min(first_at) as first_at, max(last_at) as last_at, count(*)::int as cases
             from traced_case_venues where case_id = any($1::uuid[]) group by venue_id order by min(first_at)`,
          [caseIds],
        );
        const briefs = await personBriefs(
          tx,
          cases.map((c) => c.person_id),
        );
        const names = await venueNames(
          tx,
          venues.map((v) => v.venue_id),
        );
        // The cases' names are personal data read: audited with the people shown, as contact lists are.
        const lines = cases.map((c) => {
          const masked = !inJurisdiction(ctx.actor, {
            communeCode: c.commune_code,
            districtCode: c.district_code,
            provinceCode: c.province_code,
            structure: c.unit_structure,
          });
          const name = briefs.get(c.person_id)?.fullName ?? null;
          return { c, masked, name: name && masked ? maskName(name) : name };
        });
        await recordAudit(tx, ctx, {
          action: 'cluster.read',
          details: {
            clusterId: id,
            cases: caseIds.length,
            personIds: lines.map((l) => l.c.person_id),
            masked: lines.filter((l) => l.masked).length,
          },
        });
        return {
          ...view(r),
          cases: lines.map(({ c, masked, name }) => ({
            caseId: c.case_id,
            personName: name,
            masked,
            windowStart: c.window_start.toISOString(),
            windowEnd: c.window_end.toISOString(),
            linkedAt: c.linked_at.toISOString(),
            annulledAt: c.annulled_at?.toISOString() ?? null,
          })),
          contactsByDay: contacts.map((c) => ({
            day: c.day,
            status: c.status,
            generation: c.generation,
            count: c.n,
          })),
          venues: venues.map((v) => ({
            venueId: v.venue_id,
            name: names.get(v.venue_id) ?? null,
            firstAt: v.first_at.toISOString(),
            lastAt: v.last_at.toISOString(),
            cases: v.cases,
          })),
        };
      });
    },
    async confirm(ctx: AuditContext, id: string, name: string) {
      authorize(ctx.actor, 'cluster.manage');
      return db.transaction(async (tx) => {
        const r = await load(tx, ctx, id, 'cluster.manage', true);
        if (r.status === 'closed') throw new AppError('CLUSTER_CLOSED');
        const accountId = ctx.actor.kind === 'staff' ? ctx.actor.accountId : null;
        const [u] = await tx.query<ClusterRow>(
          `update clusters set status = 'confirmed', name = $2, confirmed_at = coalesce(confirmed_at, now()),
                  confirmed_by_account_id = coalesce(confirmed_by_account_id, $3), version = version + 1
            where id = $1 returning *`,
          [id, name.trim(), accountId],
        );
        await recordAudit(tx, ctx, { action: 'cluster.confirm', details: { clusterId: id } });
        return view(u!);
      });
    },
    async close(ctx: AuditContext, id: string) {
      authorize(ctx.actor, 'cluster.manage');
      return db.transaction(async (tx) => {
        const r = await load(tx, ctx, id, 'cluster.manage', true);
        if (r.status === 'closed') return view(r);
        const accountId = ctx.actor.kind === 'staff' ? ctx.actor.accountId : null;
        const [u] = await tx.query<ClusterRow>(
          `update clusters set status = 'closed', closed_at = now(), closed_by_account_id = $2, version = version + 1
            where id = $1 returning *`,
          [id, accountId],
        );
        await recordAudit(tx, ctx, { action: 'cluster.close', details: { clusterId: id } });
        return view(u!);
      });
    },
    /** F2 for a whole cluster: every confirmed F1 of its cases, in the caller's area, expanded. */
    async expand(ctx: AuditContext, id: string) {
      authorize(ctx.actor, 'cluster.manage');
      return db.transaction(async (tx) => {
        await load(tx, ctx, id, 'cluster.manage');
        const j = jurisdictionSql(ctx.actor, 'c', 2);
        const f1 = await tx.query<ContactRow>(
          `select c.id, c.subject_kind, c.subject_id, c.root_case_id, c.person_id, c.generation,
                  c.exposure_date::text as exposure_date, c.evidence, c.score::text as score, c.rules_version,
                  c.status, c.status_reason, c.status_at, c.commune_code, c.district_code, c.province_code,
                  c.unit_structure, c.version
             from contacts c join cluster_cases k on k.case_id = c.root_case_id
            where k.cluster_id = $1 and c.generation = 1 and c.status = 'confirmed' and ${j.sql}`,
          [id, ...j.params],
        );
        let candidates = 0;
        for (const row of f1) candidates += (await expandContact(tx, row, ctx)).candidates;
        return { clusterId: id, expanded: f1.length, candidates };
      });
    },
  };
}
