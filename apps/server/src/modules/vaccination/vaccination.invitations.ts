import type {
  AgeBandT,
  DueCount,
  InvitationList,
  InvitationStatusT,
  InviteBodyT,
  InviteResult,
} from '@phongdich/contracts/vaccination-invitations';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import { AppError } from '../../core/errors';
import { personBriefs, sendMessage } from './vaccination.deps';
import { assertPriorityGroup } from './vaccination.priority';
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
import { invitationSms } from './vaccination.sms';

const DISEASE = 'covid-19';
const MIN_AGE: Record<AgeBandT, number> = { all: 0, '18+': 18, '50+': 50, '65+': 65 };

interface CampaignRow extends CampaignArea {
  id: string;
  target_groups: string[];
  ends_on: string;
}

async function findCampaign(q: Queryable, id: string): Promise<CampaignRow> {
  const rows = await q.query<CampaignRow>(
    `select c.id::text, ${campaignAreaSql('c')}, c.target_groups, c.ends_on::text from vaccination_campaigns c
     where c.id = $1`,
    [id],
  );
  if (!rows[0]) throw new AppError('VACCINATION_CAMPAIGN_NOT_FOUND');
  return rows[0];
}

const refused = (field: string, code: 'not_campaign_group' | 'campaign_ended' | 'outside_campaign') =>
  new AppError('VALIDATION_FAILED', [
    {
      field,
      code,
      message:
        code === 'not_campaign_group'
          ? { vi: 'Chiến dịch không dành cho nhóm này', en: 'The campaign does not target this group' }
          : code === 'campaign_ended'
            ? { vi: 'Chiến dịch đã kết thúc', en: 'The campaign has ended' }
            : { vi: 'Điểm tiêm ngoài địa bàn chiến dịch', en: 'Site outside the campaign area' },
    },
  ]);

/** A person to invite: the id, the group they are invited as, and the phone the invitation goes to. */
export interface Invitee {
  personId: string;
  group: string;
  phone: string | null;
  communeCode: string;
  districtCode: string | null;
  provinceCode: string;
  unitStructure: string;
}

/**
 * Writes the invitations that do not exist yet (one per person and campaign) and queues one SMS for
 * each new one with a phone, in the caller's transaction: a retry, a second officer, or the same person
 * in a re-imported list finds the row and sends nothing.
 */
export async function writeInvitations(
  tx: Queryable,
  ctx: AuditContext,
  w: {
    campaignId: string;
    site: SiteRow;
    source: 'selection' | 'import';
    importId?: string | null;
    bookingUrl: string;
    invitees: Invitee[];
  },
): Promise<{ invited: number; sms: number; noPhone: number }> {
  if (!w.invitees.length) return { invited: 0, sms: 0, noPhone: 0 };
  const accountId = ctx.actor.kind === 'anonymous' ? '' : ctx.actor.accountId;
  const inserted = await tx.query<{ id: string; person_id: string }>(
    `insert into vaccination_invitations (campaign_id, site_id, person_id, priority_group, channel, source, import_id,
       invited_by_account_id, commune_code, district_code, province_code, unit_structure)
     select $1, $2, x.person_id, x.grp, case when x.phone is null then 'none' else 'sms' end, $3, $4, $5,
       x.commune_code, x.district_code, x.province_code, x.unit_structure
     from unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
       as x(person_id, grp, phone, commune_code, district_code, province_code, unit_structure)
     on conflict (campaign_id, person_id) do nothing returning id::text, person_id::text`,
    [
      w.campaignId,
      w.site.id,
      w.source,
      w.importId ?? null,
      accountId,
      w.invitees.map((i) => i.personId),
      w.invitees.map((i) => i.group),
      w.invitees.map((i) => i.phone),
      w.invitees.map((i) => i.communeCode),
      w.invitees.map((i) => i.districtCode),
      w.invitees.map((i) => i.provinceCode),
      w.invitees.map((i) => i.unitStructure),
    ],
  );
  const byPerson = new Map(w.invitees.map((i) => [i.personId, i]));
  const body = invitationSms({ siteName: w.site.name, bookingUrl: w.bookingUrl });
  let sms = 0;
  for (const row of inserted) {
    const phone = byPerson.get(row.person_id)?.phone;
    if (phone) {
      const messageId = await sendMessage(tx, {
        channel: 'sms',
        to: phone,
        subject: 'vaccination.invitation',
        body,
      });
      await tx.query('update vaccination_invitations set message_id = $2 where id = $1', [row.id, messageId]);
      sms++;
    }
    await recordAudit(tx, ctx, {
      action: 'vaccination.invite',
      personId: row.person_id,
      details: { campaignId: w.campaignId, siteId: w.site.id, invitationId: row.id, source: w.source },
    });
  }
  return { invited: inserted.length, sms, noPhone: inserted.length - sms };
}

/** The campaign and site an officer invites for, checked: their area, the campaign's area, dates and groups. */
export async function invitationTarget(q: Queryable, ctx: AuditContext, campaignId: string, siteId: string) {
  authorize(ctx.actor, 'vaccination.import');
  const campaign = await findCampaign(q, campaignId);
  const site = await findSite(q, siteId);
  assertSiteReach(ctx, site);
  if (!areaHolds(campaign, siteLocation(site))) throw refused('siteId', 'outside_campaign');
  if (campaign.ends_on < vnDate(new Date())) throw refused('campaignId', 'campaign_ended');
  return { campaign, site };
}

type DueCountInput = Pick<InviteBodyT, 'siteId' | 'priorityGroup' | 'ageBand'>;

/** The campaign and site checked for an invitation by group: the group must be in the catalogue and the campaign's. */
async function groupTarget(db: Db, ctx: AuditContext, campaignId: string, input: DueCountInput) {
  const target = await invitationTarget(db, ctx, campaignId, input.siteId);
  await assertPriorityGroup(db, input.priorityGroup, 'priorityGroup');
  const groups = target.campaign.target_groups;
  if (groups.length && !groups.includes(input.priorityGroup))
    throw refused('priorityGroup', 'not_campaign_group');
  return target;
}

/**
 * The due people of the site's commune in a group and age band, as `from … where …` over people's
 * read view person_brief `p`:
 * no dose yet, or due for their next dose by the schedule in force (vaccination_next_due) today, and
 * not yet invited to this campaign. One text for the count and the invitation, so the number the
 * officer confirms is the number invited.
 */
function dueSql(ctx: AuditContext, campaign: CampaignRow, site: SiteRow, input: DueCountInput) {
  const today = vnDate(new Date());
  const maxBirthYear = new Date().getUTCFullYear() - MIN_AGE[input.ageBand ?? 'all'];
  const j = jurisdictionSql(ctx.actor, 'p', 8);
  return {
    sql: `from vaccination_priority_members m join person_brief p on p.id = m.person_id
      where m.disease = $1 and m.group_code = $2 and p.unit_structure = $3 and p.commune_code = $4
        and p.merged_into is null and p.birth_year <= $5 and ${j.sql}
        and (not exists (select 1 from vaccination_doses d
                         where d.person_id = p.id and d.disease = $1 and d.status = 'active')
             or exists (select 1 from vaccination_next_due n
                        where n.person_id = p.id and n.disease = $1 and n.due_from <= $6::date))
        and not exists (select 1 from vaccination_invitations i where i.campaign_id = $7 and i.person_id = p.id)`,
    params: [
      DISEASE,
      input.priorityGroup,
      site.unit_structure,
      site.commune_code,
      maxBirthYear,
      today,
      campaign.id,
      ...j.params,
    ],
  };
}

export function invitationsService(db: Db, bookingUrl: string) {
  return {
    /**
     * Invites the people of the site's commune in a priority group (and age band) who are due: no dose
     * yet, or due for their next dose by the schedule in force (vaccination_next_due) today.
     */
    async invite(ctx: AuditContext, campaignId: string, input: InviteBodyT): Promise<InviteResult> {
      const { campaign, site } = await groupTarget(db, ctx, campaignId, input);
      const limit = input.limit ?? 1000;
      const dueFrom = dueSql(ctx, campaign, site, input);
      return db.transaction(async (tx) => {
        const due = await tx.query<{
          id: string;
          commune_code: string;
          district_code: string | null;
          province_code: string;
          unit_structure: string;
        }>(
          `select p.id::text, p.commune_code, p.district_code, p.province_code, p.unit_structure
           ${dueFrom.sql} order by p.id limit ${limit + 1}`,
          dueFrom.params,
        );
        // Phones are not in the read view: people's personBriefs gives them, one read for the batch.
        const invitees = due.slice(0, limit);
        const briefs = await personBriefs(
          tx,
          invitees.map((p) => p.id),
        );
        const res = await writeInvitations(tx, ctx, {
          campaignId: campaign.id,
          site,
          source: 'selection',
          bookingUrl,
          invitees: invitees.map((p) => ({
            personId: p.id,
            group: input.priorityGroup,
            phone: briefs.get(p.id)?.phones[0] ?? null,
            communeCode: p.commune_code,
            districtCode: p.district_code,
            provinceCode: p.province_code,
            unitStructure: p.unit_structure,
          })),
        });
        return { ...res, more: due.length > limit };
      });
    },

    /** How many people `invite` would invite now (the page shows it before the officer confirms). */
    async dueCount(ctx: AuditContext, campaignId: string, input: DueCountInput): Promise<DueCount> {
      const { campaign, site } = await groupTarget(db, ctx, campaignId, input);
      const from = dueSql(ctx, campaign, site, input);
      const rows = await db.query<{ n: string }>(`select count(*)::text as n ${from.sql}`, from.params);
      return { due: Number(rows[0]?.n ?? 0) };
    },

    /** The campaign's invitations in the officer's area, with counts per status (booked and came from bookings). */
    async list(
      ctx: AuditContext,
      campaignId: string,
      query: { siteId?: string; status?: InvitationStatusT },
    ): Promise<InvitationList> {
      authorize(ctx.actor, 'vaccination.import');
      await findCampaign(db, campaignId);
      if (query.siteId) assertSiteReach(ctx, await findSite(db, query.siteId));
      const j = jurisdictionSql(ctx.actor, 'i', 4);
      // Each invitation's status, derived from the person's bookings and doses, never copied.
      const withStatus = `select i.*, case
             when exists (select 1 from vaccination_bookings b join vaccination_slots sl on sl.id = b.slot_id
                          where b.person_id = i.person_id and sl.campaign_id = i.campaign_id and b.status = 'arrived')
               or exists (select 1 from vaccination_doses d where d.person_id = i.person_id and d.disease = $3
                          and d.status = 'active' and d.administered_at >= i.created_at) then 'came'
             when exists (select 1 from vaccination_bookings b join vaccination_slots sl on sl.id = b.slot_id
                          where b.person_id = i.person_id and sl.campaign_id = i.campaign_id and b.status = 'booked')
               then 'booked'
             when i.channel = 'sms' then 'sent'
             else 'not_sent'
           end as status
         from vaccination_invitations i
         where i.campaign_id = $1 and ($2::uuid is null or i.site_id = $2) and ${j.sql}`;
      const params = [campaignId, query.siteId ?? null, DISEASE, ...j.params];
      const countRows = await db.query<{ status: InvitationStatusT; n: string }>(
        `select status, count(*)::text as n from (${withStatus}) s group by status`,
        params,
      );
      const counts = { invited: 0, sent: 0, not_sent: 0, booked: 0, came: 0 };
      for (const c of countRows) {
        counts[c.status] = Number(c.n);
        counts.invited += Number(c.n);
      }
      const rows = await db.query<{
        id: string;
        person_id: string;
        full_name: string;
        birth_year: number;
        priority_group: string;
        channel: 'sms' | 'none';
        source: 'selection' | 'import';
        status: InvitationStatusT;
        created_at: Date;
      }>(
        `select s.id::text, s.person_id::text, p.full_name, p.birth_year, s.priority_group, s.channel, s.source,
           s.created_at, s.status
         from (${withStatus}) s join person_brief p on p.id = s.person_id
         where $${params.length + 1}::text is null or s.status = $${params.length + 1}
         order by s.created_at desc, s.id limit 500`,
        [...params, query.status ?? null],
      );
      const items = rows.map((r) => ({
        id: r.id,
        personId: r.person_id,
        fullName: r.full_name,
        birthYear: r.birth_year,
        priorityGroup: r.priority_group,
        channel: r.channel,
        source: r.source,
        status: r.status,
        invitedAt: r.created_at.toISOString(),
      }));
      await recordAudit(db, ctx, {
        action: 'vaccination.invitations.read',
        details: { campaignId, siteId: query.siteId ?? null, shown: items.length },
      });
      return { counts, items };
    },
  };
}
