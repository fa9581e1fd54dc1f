import type { CampaignList, CampaignListQueryT } from '@phongdich/contracts/vaccination-campaigns';
import type { Db } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import { deploymentStructure } from '../../core/units/deployment';
import { findUnit } from './vaccination.deps';
import { vnDate } from './vaccination.reach';

interface CampaignDbRow {
  id: string;
  name: string;
  disease: string;
  products: string[];
  target_groups: string[];
  area_code: string;
  area_name: string | null;
  starts_on: string;
  ends_on: string;
}

/**
 * The campaigns an officer works with: those whose area lies in the officer's area (a district
 * officer sees their communes' campaigns), and those whose area holds the officer's unit (a commune
 * officer invites for the province's campaign). Campaign rows hold no personal data: not audited.
 */
export function campaignsService(db: Db) {
  return {
    async list(ctx: AuditContext, query: CampaignListQueryT): Promise<CampaignList> {
      authorize(ctx.actor, 'vaccination.site.manage');
      const a = ctx.actor;
      if (a.kind !== 'staff' && a.kind !== 'machine') return { items: [], total: 0 };
      // The officer's unit's ancestors, on the map their account names (the deployment's for a
      // hand-built actor): a campaign of one of them covers the officer too.
      const structure = a.unitStructure ?? (await deploymentStructure(db));
      const unit = a.unitCode === null ? undefined : await findUnit(db, structure, a.unitCode);
      const ancestors = unit
        ? [unit.provinceCode, unit.districtCode].filter((c): c is string => !!c && c !== unit.code)
        : [];
      const limit = query.limit ?? 50;
      const offset = query.offset ?? 0;
      const today = vnDate(new Date());
      // The campaign's area as a record's location (its unit's own columns), so the one jurisdiction
      // rule decides; the unit is looked up on the campaign's own map (0067), so a campaign not yet
      // carried to 2025 is never read as the 2025 unit that reuses its code.
      const j = jurisdictionSql(a, 'area', 5);
      const matching = `from vaccination_campaigns c
         left join unit_brief u on u.structure = c.unit_structure and u.code = c.area_code
         cross join lateral (select u.province_code, u.district_code,
             case when u.level = 3 then u.code end as commune_code, u.structure as unit_structure) area
         where ((c.unit_structure = $4 and c.area_code = any($1::text[])) or (u.code is not null and ${j.sql}))
           and ($2::boolean is false or c.ends_on >= $3::date)`;
      const params = [ancestors, query.current ?? true, today, structure, ...j.params];
      const [rows, count] = await Promise.all([
        db.query<CampaignDbRow>(
          `select c.id::text, c.name, c.disease, c.products, c.target_groups, c.area_code, u.full_name as area_name,
             c.starts_on::text, c.ends_on::text ${matching}
           order by c.starts_on desc, c.name, c.id limit ${limit} offset ${offset}`,
          params,
        ),
        db.query<{ n: string }>(`select count(*)::text as n ${matching}`, params),
      ]);
      return {
        total: Number(count[0]?.n ?? 0),
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          disease: r.disease,
          products: r.products,
          targetGroups: r.target_groups,
          areaCode: r.area_code,
          areaName: r.area_name ?? r.area_code,
          startsOn: r.starts_on,
          endsOn: r.ends_on,
        })),
      };
    },
  };
}
