// Set-up helpers for the check-in browser tests: API sessions for a citizen (one-time code read from
// the development inbox), a venue registered by the demo venue manager, and UI sign-in steps.
import type { Page } from 'playwright-core';
import { ApiSession, apiAs, totpNow } from './api';
import type { DemoAccount, TestServer } from './server';

export const randomPhone = () => `09${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;

// Messages whose code a test already used: a second sign-in of the same phone must wait for its
// own new message, not take the previous one while the new request is still on its way.
const usedMessages = new Set<string>();

export async function otpFor(server: TestServer, phone: string): Promise<string> {
  const last4 = phone.slice(-4);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const inbox = (await (await fetch(`${server.url}/api/dev/inbox?limit=100`)).json()) as {
      items: { id: string; to: string; body: string }[];
    };
    const msg = inbox.items.find((m) => m.to.endsWith(last4) && !usedMessages.has(m.id));
    const code = msg && /\b(\d{6})\b/.exec(msg.body)?.[1];
    if (msg && code) {
      usedMessages.add(msg.id);
      return code;
    }
    if (Date.now() > deadline) throw new Error('no new one-time code in the dev inbox');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A citizen signed in through the API with a personal record. */
export async function citizenWithRecord(server: TestServer, phone: string, fullName: string) {
  const s = new ApiSession(server.url);
  await s.request('POST', '/api/auth/otp/request', { phone });
  await s.request('POST', '/api/auth/otp/verify', { phone, code: await otpFor(server, phone) });
  const person = await s.request<{ id: string }>('POST', '/api/me/person', {
    fullName,
    birthDate: '1992-04-05',
    sex: 'female',
    communeCode: '00001',
  });
  return { session: s, personId: person.id };
}

/** The demo venue manager of Phúc Xá with a freshly registered venue, approved by the commune. */
export async function managerWithVenue(server: TestServer, name: string) {
  const account = server.demoAccount('venue_manager');
  const s = new ApiSession(server.url);
  await s.login(account.login, account.secret);
  const registered = await s.request<{ id: string }>('POST', '/api/venues', {
    kind: 'shop',
    name,
    communeCode: '00001',
    street: 'Số 5 Phó Đức Chính',
    ownerPhone: randomPhone(),
  });
  const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
  const venue = await officer.request<{ status: string }>('POST', `/api/venues/${registered.id}/approve`);
  if (venue.status !== 'active') throw new Error(`venue is ${venue.status}`);
  return { account, session: s, venueId: registered.id };
}

export async function signInStaff(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: 'Cán bộ' }).click();
  await page.getByLabel('Tên đăng nhập').fill(account.login);
  await page.getByLabel('Mật khẩu').fill(account.secret);
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  if (account.totpSecret) {
    // Administrators: the page then asks for the authenticator app's code.
    await page.getByLabel('Mã xác thực hai lớp').fill(totpNow(account.totpSecret));
    await page.getByLabel('Mã xác thực hai lớp').press('Enter');
  }
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
}

export async function signInCitizenUi(page: Page, server: TestServer, phone: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: 'Người dân' }).click();
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
  await page.getByLabel('Mã xác thực').waitFor();
  await page.getByLabel('Mã xác thực').fill(await otpFor(server, phone));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.waitForURL('**/me');
}

/** Check-ins recorded at a venue in the last hour, read by an officer (tracing) through the API. */
export async function checkinsAt(s: ApiSession, venueId: string) {
  const now = Date.now();
  const r = await s.request<{ items: { personId: string; method: string }[] }>(
    'POST',
    '/api/checkins/at-venue',
    {
      venueId,
      from: new Date(now - 3_600_000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
    },
  );
  return r.items;
}
