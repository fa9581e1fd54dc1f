import type { FastifyInstance } from 'fastify';
import type { Role } from '@phongdich/contracts';
import { maskPhone, normalizeVnMobile } from '@phongdich/domain';
import type { Db } from '../core/db/db';
import { hashPassword } from '../core/auth/password';
import { SESSION_COOKIE } from '../core/auth/tokens';
import { insertAccount } from '../modules/accounts';
import { testConfig } from './test-app';

export type StaffRole = Exclude<Role, 'citizen'>;

export interface StaffSpec {
  role: StaffRole;
  /** 2-digit province, 3-digit district or 5-digit commune code; null = national. */
  unitCode: string | null;
  username?: string;
  password?: string;
  displayName?: string;
  facilityId?: string | null;
}

export const TEST_PASSWORD = 'test-Password-2021!';
let seq = 0;

/** Every sign-in comes from its own address, so the per-IP rate limits never trip other tests. */
function nextIp(): string {
  seq++;
  return `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;
}

/** Inserts a staff account straight into the database. */
export async function createStaff(
  db: Db,
  spec: StaffSpec,
): Promise<{ accountId: string; username: string; password: string }> {
  const username = spec.username ?? `t.${spec.role}.${Date.now().toString(36)}.${++seq}`;
  const password = spec.password ?? TEST_PASSWORD;
  const row = await insertAccount(db, {
    kind: 'staff',
    username,
    displayName: spec.displayName ?? `Cán bộ thử ${spec.role}`,
    role: spec.role,
    unitCode: spec.unitCode,
    facilityId: spec.facilityId ?? null,
    passwordHash: await hashPassword(password),
  });
  return { accountId: row.id, username, password };
}

/** What a browser on the site's own page sends with the session: the cookie and its Origin. */
// A type alias, not an interface: it must fit inject()'s header record.
export type SessionHeaders = { cookie: string; origin: string };

/** The Origin of the test app's own pages (state-changing requests with a cookie must carry it). */
export const SITE_ORIGIN = new URL(testConfig().publicUrl).origin;

function sessionCookie(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error('no session cookie in the response');
  return `${SESSION_COOKIE}=${c.value}`;
}

/** Creates a staff account and signs in through the real `/api/auth/login` route. */
export async function signInAs(
  app: FastifyInstance,
  db: Db,
  spec: StaffSpec,
): Promise<{ headers: SessionHeaders; accountId: string }> {
  const { accountId, username, password } = await createStaff(db, spec);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: nextIp(),
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { headers: { cookie: sessionCookie(res), origin: SITE_ORIGIN }, accountId };
}

/** The code most recently sent to `phone`, read from the development inbox like a tester would. */
export async function readOtpFromInbox(app: FastifyInstance, phone: string): Promise<string> {
  const normalized = normalizeVnMobile(phone);
  if (!normalized) throw new Error('not a Vietnamese mobile number');
  const inbox = await app.inject({ method: 'GET', url: '/api/dev/inbox?limit=100' });
  const items = inbox.json().items as { to: string; body: string }[];
  const message = items.find((m) => m.to === maskPhone(normalized));
  const code = message && /\b(\d{6})\b/.exec(message.body)?.[1];
  if (!code) throw new Error('no one-time code in the dev inbox');
  return code;
}

/** Signs a citizen in through the real one-time-code flow (request, read the dev inbox, verify). */
export async function signInCitizen(
  app: FastifyInstance,
  phone: string,
): Promise<{ headers: SessionHeaders; accountId: string }> {
  const ip = nextIp();
  const req = await app.inject({
    method: 'POST',
    url: '/api/auth/otp/request',
    payload: { phone },
    remoteAddress: ip,
  });
  if (req.statusCode !== 202) throw new Error(`OTP request failed: ${req.statusCode} ${req.body}`);
  const code = await readOtpFromInbox(app, phone);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/otp/verify',
    payload: { phone, code },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) throw new Error(`OTP verify failed: ${res.statusCode} ${res.body}`);
  return {
    headers: { cookie: sessionCookie(res), origin: SITE_ORIGIN },
    accountId: res.json().account.id,
  };
}
