// Test helpers for the vaccination module: real HTTP calls, real database.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { foldVietnamese, SCREENING_VN_2021 } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { signInAs, type SessionHeaders } from '../../test-support/auth';

let n = 0;
/** A person straight into the registry (Phúc Xá, Ba Đình, Hà Nội unless told otherwise). */
export async function createPerson(
  db: Db,
  opts: { fullName?: string; birthYear?: number; phone?: string; communeCode?: string } = {},
): Promise<string> {
  const fullName = opts.fullName ?? `Lê Văn Tiêm ${++n}`;
  const rows = await db.query<{ id: string }>(
    `insert into persons (full_name, name_folded, birth_year, sex, phones, commune_code, district_code, province_code)
     values ($1, $2, $3, 'male', $4, $5, '001', '01') returning id`,
    [
      fullName,
      foldVietnamese(fullName),
      opts.birthYear ?? 1970,
      opts.phone ? [opts.phone] : [],
      opts.communeCode ?? '00001',
    ],
  );
  return rows[0]!.id;
}

export async function linkFamily(db: Db, personId: string, memberId: string, relation = 'bố'): Promise<void> {
  await db.query('insert into person_family_links (person_id, member_id, relation) values ($1, $2, $3)', [
    personId,
    memberId,
    relation,
  ]);
}

/** A site in Phúc Xá with a lot, a campaign and one slot, set up through the officers' routes. */
export async function createSiteWithSlot(
  app: FastifyInstance,
  db: Db,
  opts: { capacity?: number; lotQuantity?: number; productMp?: string; expiresOn?: string } = {},
) {
  await clearOfVietnamMidnight();
  const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: officer, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const site = await post('/api/vaccination/sites', {
    name: 'Trạm Y tế phường Phúc Xá',
    kind: 'fixed',
    communeCode: '00001',
    dailyCapacity: 300,
    opensAt: '07:30',
    closesAt: '17:00',
  });
  const lot = await post(`/api/vaccination/sites/${site.id}/lots`, {
    productMp: opts.productMp ?? 'EU/1/21/1529',
    lotNumber: `AZ${++n}`,
    expiresOn: opts.expiresOn ?? '2099-12-31',
    quantity: opts.lotQuantity ?? 100,
  });
  const today = new Date().toISOString().slice(0, 10);
  const campaign = await post('/api/vaccination/campaigns', {
    name: 'Chiến dịch tiêm chủng mùa thu',
    disease: 'covid-19',
    products: ['EU/1/21/1529'],
    targetGroups: ['older_65'],
    unitCode: '00001',
    startsOn: today,
    endsOn: '2099-12-31',
  });
  const start = laterTodayInVietnam();
  const slot = await post(`/api/vaccination/campaigns/${campaign.id}/slots`, {
    siteId: site.id,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    capacity: opts.capacity ?? 10,
  });
  const vaccinator = await signInAs(app, db, { role: 'vaccinator', unitCode: '00001', facilityId: site.id });
  return { officer, site, lot, campaign, slot, vaccinator: vaccinator.headers as SessionHeaders };
}

/**
 * A start later today in Viet Nam (UTC+7), as the fixture's slot promises its tests ("today's list",
 * "no reminder for today's slot"): two hours from now, or halfway to Viet Nam's midnight when that is
 * nearer (the tests ran red from 22:00 there), and at least a minute ahead (a booking needs a slot
 * still to come).
 */
function laterTodayInVietnam(now = Date.now()): Date {
  return new Date(now + Math.max(60_000, Math.min(2 * 3_600_000, (nextVietnamMidnight(now) - now) / 2)));
}

const nextVietnamMidnight = (now: number) =>
  Math.floor((now + 7 * 3_600_000) / 86_400_000 + 1) * 86_400_000 - 7 * 3_600_000;

/**
 * Waits out Viet Nam's midnight when it is under five minutes away. A slot "later today" cannot be
 * both today and still to come at 23:59, and a test that books it and then reads today's list
 * finds it under tomorrow: CI failed this way once, at 23:59 there (faketime reproduces it). Five
 * minutes leaves the slot at least two and a half minutes ahead, longer than any test using it.
 */
async function clearOfVietnamMidnight(now = Date.now()): Promise<void> {
  const wait = nextVietnamMidnight(now) - now;
  if (wait < 5 * 60_000) await new Promise((r) => setTimeout(r, wait + 1_000));
}

export const noAnswers = () => Object.fromEntries(SCREENING_VN_2021.questions.map((q) => [q.id, false]));

export function doseBody(p: {
  personId: string;
  siteId: string;
  lotId: string;
  at?: Date;
  clientId?: string;
}) {
  return {
    clientId: p.clientId ?? randomUUID(),
    personId: p.personId,
    siteId: p.siteId,
    lotId: p.lotId,
    administeredAt: (p.at ?? new Date()).toISOString(),
    screening: { answers: noAnswers(), decision: 'vaccinate' },
  };
}
