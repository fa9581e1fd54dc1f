import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { jurisdictionSql, type Location } from '../../core/auth/jurisdiction';
import { deploymentStructure } from '../../core/units/deployment';
import { AppError } from '../../core/errors';
import { idempotentCreate } from './vaccination.idempotent';
import { findUnit, locationOfCommune } from './vaccination.deps';
import { catalogueInForce } from './vaccination.catalogue';
import {
  areaHolds,
  assertSiteReach,
  campaignAreaSql,
  type CampaignArea,
  findSite,
  siteLocation,
  vnDate,
  type SiteRow,
} from './vaccination.reach';

export interface SiteInput {
  name: string;
  kind: 'fixed' | 'mobile' | 'hospital';
  communeCode: string;
  dailyCapacity: number;
  opensAt: string;
  closesAt: string;
}
export interface LotInput {
  productMp: string;
  lotNumber: string;
  expiresOn: string;
  quantity: number;
}
export interface CampaignInput {
  name: string;
  disease: string;
  products: string[];
  targetGroups: string[];
  areaCode: string;
  startsOn: string;
  endsOn: string;
}
export interface SlotInput {
  siteId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

export const siteView = (s: SiteRow) => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  communeCode: s.commune_code,
  districtCode: s.district_code,
  provinceCode: s.province_code,
  dailyCapacity: s.daily_capacity,
  opensAt: s.opens_at,
  closesAt: s.closes_at,
});

/** An area code of any level as the location of that unit, for the jurisdiction check. */
async function areaLocation(q: Queryable, code: string) {
  // On the deployment's map, at the unit's recorded level (not the code's length).
  const structure = await deploymentStructure(q);
  const unit = await findUnit(q, structure, code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  const loc: Location = {
    provinceCode: unit.provinceCode,
    districtCode: unit.level === 2 ? code : unit.level === 3 ? unit.districtCode : null,
    communeCode: unit.level === 3 ? code : null,
    structure,
  };
  return loc;
}

export function sitesService(db: Db) {
  return {
    async create(ctx: AuditContext, input: SiteInput, idempotencyKey?: string) {
      authorize(ctx.actor, 'vaccination.site.manage');
      const loc = await locationOfCommune(db, input.communeCode);
      if (!loc) throw new AppError('UNIT_NOT_FOUND');
      authorize(ctx.actor, 'vaccination.site.manage', loc);
      return idempotentCreate(db, ctx, 'vaccination.site.create', idempotencyKey, input, async (tx) => {
        const rows = await tx.query<{ id: string }>(
          `insert into vaccination_sites (name, kind, commune_code, district_code, province_code, unit_structure,
             daily_capacity, opens_at, closes_at) values ($1, $2, $3, $4, $5, $9, $6, $7, $8) returning id::text`,
          [
            input.name,
            input.kind,
            loc.communeCode,
            loc.districtCode,
            loc.provinceCode,
            input.dailyCapacity,
            input.opensAt,
            input.closesAt,
            // The commune's own map (the one it was looked up on), not a column default.
            loc.structure,
          ],
        );
        await recordAudit(tx, ctx, { action: 'vaccination.site.create', details: { siteId: rows[0]!.id } });
        return siteView(await findSite(tx, rows[0]!.id));
      });
    },

    /** Sites in the caller's area; a vaccinator sees their own site. */
    async list(ctx: AuditContext) {
      authorize(ctx.actor, 'vaccination.site.read');
      const a = ctx.actor;
      if (a.kind === 'staff' && a.role === 'vaccinator') {
        if (!a.facilityId) return [];
        const rows = await db.query<{ id: string }>(
          'select id::text from vaccination_sites where id::text = $1',
          [a.facilityId],
        );
        return rows.length ? [siteView(await findSite(db, rows[0]!.id))] : [];
      }
      const j = jurisdictionSql(a, 's', 1);
      const rows = await db.query<{ id: string }>(
        `select s.id::text from vaccination_sites s where ${j.sql} order by s.name limit 500`,
        j.params,
      );
      return Promise.all(rows.map(async (r) => siteView(await findSite(db, r.id))));
    },

    async addLot(ctx: AuditContext, siteId: string, input: LotInput, idempotencyKey?: string) {
      authorize(ctx.actor, 'vaccination.site.manage');
      const site = await findSite(db, siteId);
      assertSiteReach(ctx, site);
      const catalogue = await catalogueInForce(db, 'covid-19', new Date());
      if (!catalogue.products.some((p) => p.mp === input.productMp))
        throw new AppError('VALIDATION_FAILED', [
          {
            field: 'productMp',
            code: 'unknown_product',
            message: { vi: 'Vắc xin không có trong danh mục', en: 'Product not in the catalogue' },
          },
        ]);
      // A retried delivery must not add its quantity twice (the insert adds to an existing lot).
      const body = { siteId, ...input };
      return idempotentCreate(db, ctx, 'vaccination.lot.add', idempotencyKey, body, async (tx) => {
        const rows = await tx.query<{ id: string }>(
          `insert into vaccine_lots (site_id, product_mp, lot_number, expires_on, quantity, remaining)
           values ($1, $2, $3, $4, $5, $5)
           on conflict (site_id, product_mp, lot_number) do update set quantity = vaccine_lots.quantity + excluded.quantity,
             remaining = vaccine_lots.remaining + excluded.quantity
           returning id::text`,
          [site.id, input.productMp, input.lotNumber.trim(), input.expiresOn, input.quantity],
        );
        await recordAudit(tx, ctx, {
          action: 'vaccination.lot.add',
          details: { siteId, lotId: rows[0]!.id, quantity: input.quantity },
        });
        return (await lotsOf(tx, site.id, true)).find((l) => l.id === rows[0]!.id)!;
      });
    },

    async lots(ctx: AuditContext, siteId: string) {
      authorize(ctx.actor, 'vaccination.site.read');
      const site = await findSite(db, siteId);
      assertSiteReach(ctx, site);
      return lotsOf(db, site.id, true);
    },

    async createCampaign(ctx: AuditContext, input: CampaignInput, idempotencyKey?: string) {
      authorize(ctx.actor, 'vaccination.site.manage');
      const area = await areaLocation(db, input.areaCode);
      authorize(ctx.actor, 'vaccination.site.manage', area);
      if (input.endsOn < input.startsOn)
        throw new AppError('VALIDATION_FAILED', [
          {
            field: 'endsOn',
            code: 'before_start',
            message: { vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'Ends before it starts' },
          },
        ]);
      return idempotentCreate(db, ctx, 'vaccination.campaign.create', idempotencyKey, input, async (tx) => {
        const rows = await tx.query<{ id: string }>(
          `insert into vaccination_campaigns (name, disease, products, target_groups, area_code, starts_on, ends_on,
             unit_structure)
           values ($1, $2, $3, $4, $5, $6, $7, $8) returning id::text`,
          [
            input.name,
            input.disease,
            input.products,
            input.targetGroups,
            input.areaCode,
            input.startsOn,
            input.endsOn,
            area.structure,
          ],
        );
        await recordAudit(tx, ctx, {
          action: 'vaccination.campaign.create',
          details: { campaignId: rows[0]!.id },
        });
        return { id: rows[0]!.id, ...input };
      });
    },

    async createSlot(ctx: AuditContext, campaignId: string, input: SlotInput, idempotencyKey?: string) {
      authorize(ctx.actor, 'vaccination.site.manage');
      const campaign = await db.query<CampaignArea & { starts_on: string; ends_on: string }>(
        `select c.starts_on::text, c.ends_on::text, ${campaignAreaSql('c')} from vaccination_campaigns c
         where c.id = $1`,
        [campaignId],
      );
      if (!campaign[0]) throw new AppError('VACCINATION_CAMPAIGN_NOT_FOUND');
      const site = await findSite(db, input.siteId);
      assertSiteReach(ctx, site);
      if (!areaHolds(campaign[0], siteLocation(site)))
        throw new AppError('VALIDATION_FAILED', [
          {
            field: 'siteId',
            code: 'outside_campaign',
            message: { vi: 'Điểm tiêm ngoài địa bàn chiến dịch', en: 'Site outside the campaign area' },
          },
        ]);
      const day = vnDate(new Date(input.startsAt));
      if (
        day < campaign[0].starts_on ||
        day > campaign[0].ends_on ||
        Date.parse(input.endsAt) <= Date.parse(input.startsAt)
      )
        throw new AppError('VALIDATION_FAILED', [
          {
            field: 'startsAt',
            code: 'outside_campaign',
            message: { vi: 'Khung giờ ngoài thời gian chiến dịch', en: 'Slot outside the campaign dates' },
          },
        ]);
      const body = { campaignId, ...input };
      return idempotentCreate(db, ctx, 'vaccination.slot.create', idempotencyKey, body, async (tx) => {
        const rows = await tx.query<{ id: string }>(
          `insert into vaccination_slots (site_id, campaign_id, starts_at, ends_at, capacity) values ($1, $2, $3, $4, $5)
           on conflict (site_id, starts_at) do nothing returning id::text`,
          [site.id, campaignId, input.startsAt, input.endsAt, input.capacity],
        );
        if (!rows[0])
          throw new AppError('VALIDATION_FAILED', [
            {
              field: 'startsAt',
              code: 'duplicate',
              message: { vi: 'Đã có khung giờ này', en: 'This slot exists' },
            },
          ]);
        await recordAudit(tx, ctx, { action: 'vaccination.slot.create', details: { slotId: rows[0].id } });
        return { id: rows[0].id, campaignId, ...input, booked: 0 };
      });
    },
  };
}

export async function lotsOf(q: Queryable, siteId: string, all = false) {
  const rows = await q.query<{
    id: string;
    product_mp: string;
    lot_number: string;
    expires_on: string;
    quantity: number;
    remaining: number;
  }>(
    `select id::text, product_mp, lot_number, expires_on::text, quantity, remaining from vaccine_lots
     where site_id = $1 ${all ? '' : 'and remaining > 0 and expires_on >= current_date'} order by product_mp, expires_on`,
    [siteId],
  );
  return rows.map((r) => ({
    id: r.id,
    productMp: r.product_mp,
    lotNumber: r.lot_number,
    expiresOn: r.expires_on,
    quantity: r.quantity,
    remaining: r.remaining,
  }));
}
