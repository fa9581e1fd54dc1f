import { maskName } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { inJurisdiction, jurisdictionSql } from '../../core/auth/jurisdiction';
import { authorize } from '../../core/auth/policy';
import { personBriefs } from '../people';

/** Nodes and edges at most: a chain bigger than this is cut (and says so), the page stays usable. */
export const GRAPH_MAX_EDGES = 3000;

export interface GraphQuery {
  caseId?: string;
  from?: string;
  to?: string;
  unitCode?: string;
  includeCandidates?: boolean;
}

/**
 * The transmission graph: one node per person (a case, a contact, or both: an F1 who became a case is
 * one node), an edge from each subject to each contact with its evidence kinds and score. Only what
 * the caller may read: contacts living in their area, and every contact of cases of their area
 * (masked outside it).
 */
export function graphService(db: Db) {
  return {
    async graph(ctx: AuditContext, f: GraphQuery) {
      authorize(ctx.actor, 'contact.read');
      const params: unknown[] = [];
      const j = jurisdictionSql(ctx.actor, 'c', 1);
      params.push(...j.params);
      const tj = jurisdictionSql(ctx.actor, 't', params.length + 1);
      params.push(...tj.params);
      const where = [
        `(${j.sql} or exists (select 1 from traced_cases t where t.case_id = c.root_case_id and ${tj.sql}))`,
      ];
      if (!f.includeCandidates) where.push(`c.status = 'confirmed'`);
      else where.push(`c.status in ('candidate', 'confirmed')`);
      if (f.caseId) where.push(`c.root_case_id = $${params.push(f.caseId)}::uuid`);
      if (f.from) where.push(`c.exposure_date >= $${params.push(f.from)}::date`);
      if (f.to) where.push(`c.exposure_date <= $${params.push(f.to)}::date`);
      if (f.unitCode)
        where.push(
          `(c.commune_code = $${params.push(f.unitCode)} or c.district_code = $${params.length} or c.province_code = $${params.length})`,
        );
      return db.transaction(async (tx) => {
        const rows = await tx.query<{
          id: string;
          subject_kind: string;
          subject_id: string;
          root_case_id: string;
          person_id: string;
          generation: number;
          exposure_date: string | null;
          evidence: { kind: string }[];
          score: string;
          status: string;
          commune_code: string;
          district_code: string | null;
          province_code: string;
          unit_structure: 'pre2025' | '2025';
        }>(
          `select c.id, c.subject_kind, c.subject_id, c.root_case_id, c.person_id, c.generation,
                  c.exposure_date::text as exposure_date, c.evidence, c.score::text as score, c.status,
                  c.commune_code, c.district_code, c.province_code, c.unit_structure
             from contacts c where ${where.join(' and ')}
            order by c.generation, c.score desc limit ${GRAPH_MAX_EDGES + 1}`,
          params as never,
        );
        const truncated = rows.length > GRAPH_MAX_EDGES;
        const edgesRows = rows.slice(0, GRAPH_MAX_EDGES);
        const caseIds = [...new Set(edgesRows.map((r) => r.root_case_id))];
        const cases = await tx.query<{
          case_id: string;
          person_id: string;
          commune_code: string;
          district_code: string | null;
          province_code: string;
          unit_structure: 'pre2025' | '2025';
        }>(
          'select case_id, person_id, commune_code, district_code, province_code, unit_structure from traced_cases where case_id = any($1::uuid[])',
          [caseIds],
        );
        const contactPerson = new Map(edgesRows.map((r) => [r.id, r.person_id]));
        const casePerson = new Map(cases.map((c) => [c.case_id, c.person_id]));
        type Node = {
          id: string;
          kind: 'case' | 'contact';
          generation: number;
          label: string;
          masked: boolean;
          communeCode: string;
        };
        const nodes = new Map<string, Node>();
        const briefs = await personBriefs(tx, [
          ...new Set([...edgesRows.map((r) => r.person_id), ...cases.map((c) => c.person_id)]),
        ]);
        const label = (personId: string, masked: boolean) => {
          const b = briefs.get(personId);
          return b ? (masked ? maskName(b.fullName) : b.fullName) : '?';
        };
        for (const c of cases) {
          const masked = !inJurisdiction(ctx.actor, {
            communeCode: c.commune_code,
            districtCode: c.district_code,
            provinceCode: c.province_code,
            structure: c.unit_structure,
          });
          nodes.set(c.person_id, {
            id: c.person_id,
            kind: 'case',
            generation: 0,
            label: label(c.person_id, masked),
            masked,
            communeCode: c.commune_code,
          });
        }
        const edges = [];
        for (const r of edgesRows) {
          const masked = !inJurisdiction(ctx.actor, {
            communeCode: r.commune_code,
            districtCode: r.district_code,
            provinceCode: r.province_code,
            structure: r.unit_structure,
          });
          if (!nodes.has(r.person_id) || nodes.get(r.person_id)!.kind === 'contact')
            if (!nodes.has(r.person_id))
              nodes.set(r.person_id, {
                id: r.person_id,
                kind: 'contact',
                generation: r.generation,
                label: label(r.person_id, masked),
                masked,
                communeCode: r.commune_code,
              });
          const from =
            r.subject_kind === 'case' ? casePerson.get(r.subject_id) : contactPerson.get(r.subject_id);
          if (!from) continue;
          edges.push({
            id: r.id,
            source: from,
            target: r.person_id,
            generation: r.generation,
            status: r.status,
            score: Number(r.score),
            exposureDate: r.exposure_date,
            evidence: [...new Set(r.evidence.map((e) => e.kind))],
          });
        }
        await recordAudit(tx, ctx, {
          action: 'contact.graph',
          details: { caseId: f.caseId ?? null, nodes: nodes.size, edges: edges.length, truncated },
        });
        return { nodes: [...nodes.values()], edges, truncated };
      });
    },
  };
}
