import { signQrToken } from '@phongdich/domain';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../core/db/db';
import { signInCitizen } from '../../test-support/auth';
import { signingKey } from '../keys';
import { input } from '../people/people.fixtures';
import type { PersonInput } from '../people';
import { newPersonToken } from '../personal-qr/personal-qr.fixtures';

/** A check-in point inserted straight into the venues table (Phúc Xá, Ba Đình, Hà Nội by default). */
export async function createVenue(
  db: Db,
  v: {
    status?: 'pending' | 'active' | 'suspended';
    requiresDeclarationHours?: number | null;
    ownerAccountId?: string | null;
    communeCode?: string;
    districtCode?: string;
    provinceCode?: string;
  } = {},
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into venues (kind, name, name_folded, commune_code, district_code, province_code, owner_phone,
       owner_account_id, status, requires_declaration_hours)
     values ('shop', 'Cửa hàng Thử', 'cua hang thu', $1, $2, $3, '0912000000', $4, $5, $6) returning id`,
    [
      v.communeCode ?? '00001',
      v.districtCode ?? '001',
      v.provinceCode ?? '01',
      v.ownerAccountId ?? null,
      v.status ?? 'active',
      v.requiresDeclarationHours ?? null,
    ],
  );
  return rows[0]!.id;
}

/** The venue's poster QR, signed with the server's active QR key. */
export async function venueToken(db: Db, venueId: string, expiresAt?: Date): Promise<string> {
  const key = await signingKey(db, 'qr');
  // An expiring poster was issued a week before it expires (issuedAt must come first).
  const issuedAt = expiresAt ? new Date(expiresAt.getTime() - 7 * 86_400_000) : new Date();
  return signQrToken({ type: 'V', id: venueId, issuedAt, expiresAt }, key);
}

/** A citizen signed in through the one-time-code flow, with their own person record. */
export async function citizenWithPerson(
  app: FastifyInstance,
  phone: string,
  overrides: Partial<PersonInput> = {},
): Promise<{ headers: { cookie: string }; accountId: string; personId: string }> {
  const c = await signInCitizen(app, phone);
  const res = await app.inject({
    method: 'POST',
    url: '/api/me/person',
    headers: c.headers,
    payload: input(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`person create failed: ${res.body}`);
  return { ...c, personId: res.json().id as string };
}

export const nowIso = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();

/** The code a scanner reads off a person's phone (personal QR, 'P') or printed card ('C'). */
export async function personCode(db: Db, personId: string, type: 'P' | 'C' = 'P'): Promise<string> {
  return (await newPersonToken(db, personId, type)).token;
}

/** The QR on a chip CCCD card, as the card prints it (number|old number|name|ddmmyyyy|sex|address|issued). */
export const cccdChipQr = (cccd: string, fullName = 'Nguyễn Văn An', birth = '15031990', sex = 'Nam') =>
  `${cccd}||${fullName}|${birth}|${sex}|Số 1 Phó Đức Chính, Ba Đình, Hà Nội|01012022`;
