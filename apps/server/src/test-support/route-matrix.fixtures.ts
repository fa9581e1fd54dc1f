import type { FastifyInstance } from 'fastify';
import type { Actor } from '../core/auth/actor';
import type { Location } from '../core/auth/jurisdiction';
import type { LevelName, UnitStructure } from '../core/units/structure';
import type { Db } from '../core/db/db';
import { createVenue } from '../modules/checkins/checkins.fixtures';
import { createLab } from '../modules/lab/lab.fixtures';
import { openCaseForPerson } from '../modules/cases';
import { cccdFor } from '../modules/people/people.fixtures';
import { signInAs, signInCitizen, type StaffRole } from './auth';

/** The records' area: Phường Phúc Xá (00001), Quận Ba Đình (001), Hà Nội (01). */
export const RECORD_AREA: Location = {
  provinceCode: '01',
  districtCode: '001',
  communeCode: '00001',
  structure: 'pre2025',
};

export type IdentityName =
  | 'anonymous'
  | 'citizen'
  | 'otherCitizen'
  | 'venueStaffA'
  | 'labTechA'
  | 'communeIn'
  | 'communeOut'
  | 'districtIn'
  | 'districtOut'
  | 'provinceIn'
  | 'provinceOut'
  | 'national';

interface StaffIdentity {
  role: StaffRole;
  unitCode: string | null;
  facility?: 'venueA' | 'labA';
}

/** The staff side of the matrix; "out" units are next to the record's, so only the code differs. */
export const STAFF: Partial<Record<IdentityName, StaffIdentity>> = {
  venueStaffA: { role: 'venue_manager', unitCode: '00001', facility: 'venueA' },
  labTechA: { role: 'lab_technician', unitCode: '001', facility: 'labA' },
  communeIn: { role: 'commune_officer', unitCode: '00001' },
  communeOut: { role: 'commune_officer', unitCode: '00004' },
  districtIn: { role: 'district_officer', unitCode: '001' },
  districtOut: { role: 'district_officer', unitCode: '002' },
  provinceIn: { role: 'province_officer', unitCode: '01' },
  provinceOut: { role: 'province_officer', unitCode: '79' },
  national: { role: 'national_admin', unitCode: null },
};

/** The same matrix on each map: the record's area and the staff in and out of it. */
export interface MatrixArea {
  structure: UnitStructure;
  record: Location & { provinceCode: string; communeCode: string };
  staff: Partial<Record<IdentityName, StaffIdentity>>;
}

/**
 * On 2025 there are province and commune officers only (no district): the record lives in Phường
 * Hồng Hà (00097, Hà Nội); "out" is Phường Ba Đình (00004) next to it, and Hồ Chí Minh City.
 */
export const AREAS: Record<UnitStructure, MatrixArea> = {
  pre2025: {
    structure: 'pre2025',
    record: { ...RECORD_AREA, structure: 'pre2025' } as MatrixArea['record'],
    staff: STAFF,
  },
  '2025': {
    structure: '2025',
    record: { provinceCode: '01', districtCode: null, communeCode: '00097', structure: '2025' },
    staff: {
      venueStaffA: { role: 'venue_manager', unitCode: '00097', facility: 'venueA' },
      labTechA: { role: 'lab_technician', unitCode: '01', facility: 'labA' },
      communeIn: { role: 'commune_officer', unitCode: '00097' },
      communeOut: { role: 'commune_officer', unitCode: '00004' },
      provinceIn: { role: 'province_officer', unitCode: '01' },
      provinceOut: { role: 'province_officer', unitCode: '79' },
      national: { role: 'national_admin', unitCode: null },
    },
  },
};

const LEVEL_OF: Record<number, LevelName> = { 2: 'province', 3: 'district', 5: 'commune' };

/** The person whose data no one outside their reach may see: every value is searched for in answers. */
export const PERSON = {
  fullName: 'Quách Thị Riêng',
  birthYear: 1987,
  sex: 'female' as const,
  cccd: cccdFor(1987, 'female'),
  street: 'Số 9 ngõ Bí Mật',
  communeCode: '00001',
};
export const PERSON_PHONE = '0986 555 017';
export const CHILD = { fullName: 'Quách Gia Kín', birthYear: 2016, sex: 'male', communeCode: '00001' };

export interface Caller {
  name: IdentityName;
  headers: Record<string, string>;
  /** The actor the server builds for this caller, for the expected decision. */
  actor: Actor;
}

export interface MatrixFixtures {
  callers: Caller[];
  ids: {
    person: string;
    child: string;
    declaration: string;
    declarationHold: string;
    worklistItem: string;
    venue: string;
    lab: string;
    /** The person's case (F0), opened as a released result would. */
    case: string;
  };
  /** The person's own QR code, as a scanner reads it. */
  qrToken: string;
}

async function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/**
 * One citizen with a record, a dependant, a declaration with a warning (so a worklist item) and a hold on
 * it; a second family; venue A and lab A in the same commune; officers in and out of the area. Made once
 * per database through the real routes (accounts, sign-in, records) except the venue and lab rows.
 */
export async function matrixFixtures(
  app: FastifyInstance,
  db: Db,
  area: MatrixArea = AREAS.pre2025,
): Promise<MatrixFixtures> {
  const at = area.record;
  const lab = await createLab(db);
  const callers: Caller[] = [{ name: 'anonymous', headers: {}, actor: { kind: 'anonymous' } }];
  const venue = await createVenue(db);
  // Point and lab of the record's commune, on the deployment's map (the fixtures insert 2021 codes).
  for (const [table, id] of [
    ['venues', venue],
    ['labs', lab.labId],
  ] as const)
    await db.query(
      `update ${table} set province_code = $2, district_code = $3, commune_code = $4, unit_structure = $5 where id = $1`,
      [id, at.provinceCode, at.districtCode, at.communeCode, area.structure],
    );
  for (const [name, spec] of Object.entries(area.staff) as [IdentityName, StaffIdentity][]) {
    const facilityId = spec.facility === 'labA' ? lab.labId : spec.facility === 'venueA' ? venue : null;
    const signed = await signInAs(app, db, { ...spec, facilityId });
    // Venue A's staff is the account that owns it.
    if (name === 'venueStaffA')
      await db.query('update venues set owner_account_id = $1 where id = $2', [signed.accountId, venue]);
    callers.push({
      name,
      headers: signed.headers,
      actor: {
        kind: 'staff',
        accountId: signed.accountId,
        role: spec.role,
        unitCode: spec.unitCode,
        unitStructure: area.structure,
        ...(spec.unitCode ? { unitLevel: LEVEL_OF[spec.unitCode.length] } : {}),
        facilityId,
        displayName: name,
      },
    });
  }
  const citizen = await signInCitizen(app, PERSON_PHONE);
  const other = await signInCitizen(app, '0986 555 018');
  const own = await app.inject({
    method: 'POST',
    url: '/api/me/person',
    headers: citizen.headers,
    payload: { ...PERSON, communeCode: at.communeCode },
  });
  await expectStatus(own, 201, 'own record');
  const person = own.json().id as string;
  const child = await app.inject({
    method: 'POST',
    url: '/api/me/family',
    headers: citizen.headers,
    payload: { ...CHILD, communeCode: at.communeCode, relation: 'con' },
  });
  await expectStatus(child, 201, 'dependant');
  const otherOwn = await app.inject({
    method: 'POST',
    url: '/api/me/person',
    headers: other.headers,
    payload: { fullName: 'Lý Văn Khác', birthYear: 1979, sex: 'male', communeCode: at.communeCode },
  });
  await expectStatus(otherOwn, 201, 'other family');
  for (const [name, c] of [
    ['citizen', citizen],
    ['otherCitizen', other],
  ] as const) {
    callers.splice(name === 'citizen' ? 1 : 2, 0, {
      name,
      headers: c.headers,
      actor: { kind: 'citizen', accountId: c.accountId, personId: null, role: 'citizen' },
    });
  }
  const declared = await app.inject({
    method: 'POST',
    url: '/api/declarations',
    headers: citizen.headers,
    payload: {
      kind: 'domestic',
      answers: {
        symptoms: ['fever'],
        contact_case: true,
        contact_outbreak_area: false,
        contact_symptomatic: false,
      },
    },
  });
  await expectStatus(declared, 201, 'declaration');
  const communeIn = callers.find((c) => c.name === 'communeIn')!;
  const hold = await app.inject({
    method: 'POST',
    url: `/api/people/${person}/declaration-holds`,
    headers: communeIn.headers,
    payload: { until: new Date(Date.now() + 30 * 86_400_000).toISOString(), reason: 'Điều tra ổ dịch' },
  });
  await expectStatus(hold, 201, 'declaration hold');
  const items = await db.query<{ id: string }>('select id from worklist_items where person_id = $1', [
    person,
  ]);
  if (!items[0]) throw new Error('no worklist item from the warning declaration');
  const qr = await app.inject({ method: 'GET', url: '/api/me/qr', headers: citizen.headers });
  await expectStatus(qr, 200, 'personal QR');
  const opened = await db.transaction((tx) =>
    openCaseForPerson(tx, person, {
      kind: 'lab_result',
      barcode: 'MATRIX-CASE-1',
      sampleDate: new Date().toISOString().slice(0, 10),
      ruleVersion: 'vn-2022.1',
    }),
  );
  return {
    qrToken: qr.json().token,
    callers,
    ids: {
      person,
      child: child.json().id,
      declaration: declared.json().id,
      declarationHold: hold.json().id,
      worklistItem: items[0].id,
      venue,
      lab: lab.labId,
      case: opened.caseId,
    },
  };
}
