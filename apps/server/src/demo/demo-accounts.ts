import { ROLE_LABELS, type Role } from '@phongdich/contracts';
import type { Db } from '../core/db/db';
import { hashPassword } from '../core/auth/password';
import { findAccountByUsername, sealTotpSecret } from '../modules/accounts';

/** Roles whose demo accounts use two-factor sign-in, so the demo shows it. */
const TWO_FACTOR_ROLES: ReadonlySet<string> = new Set(['national_admin']);
/** Fixed and public like the demo passwords (base32, 20 bytes): add it to any authenticator app. */
export const DEMO_TOTP_SECRET = 'PHONGDICHDEMOADMINTOTPSECRET2345';

export interface DemoAccount {
  role: string;
  login: string;
  secret: string;
  note: string;
  /** Administrators sign in with a second factor: the base32 secret for an authenticator app. */
  totpSecret?: string;
}

/** Hà Nội → Ba Đình → Phúc Xá for most accounts; a Thủ Đức ward in HCMC to show out-of-jurisdiction masking. */
const DEMO_STAFF: {
  role: Exclude<Role, 'citizen'>;
  username: string;
  unitCode: string | null;
  note: string;
}[] = [
  { role: 'national_admin', username: 'admin', unitCode: null, note: 'toàn quốc / national' },
  { role: 'province_officer', username: 'tinh.hanoi', unitCode: '01', note: 'TP Hà Nội' },
  { role: 'district_officer', username: 'huyen.badinh', unitCode: '001', note: 'Quận Ba Đình' },
  { role: 'commune_officer', username: 'xa.phucxa', unitCode: '00001', note: 'Phường Phúc Xá' },
  {
    role: 'commune_officer',
    username: 'xa.linhtrung',
    unitCode: '26800',
    note: 'Phường Linh Trung, TP Thủ Đức (HCM)',
  },
  { role: 'venue_manager', username: 'diem.phucxa', unitCode: '00001', note: 'Phường Phúc Xá' },
  { role: 'sampler', username: 'laymau.phucxa', unitCode: '00001', note: 'Phường Phúc Xá' },
  { role: 'lab_technician', username: 'ktv.badinh', unitCode: '001', note: 'Quận Ba Đình' },
  { role: 'lab_supervisor', username: 'truongxn.badinh', unitCode: '001', note: 'Quận Ba Đình' },
  { role: 'vaccinator', username: 'tiem.phucxa', unitCode: '00001', note: 'Phường Phúc Xá' },
  { role: 'quarantine_officer', username: 'cachly.badinh', unitCode: '001', note: 'Quận Ba Đình' },
  { role: 'community_team', username: 'tocovid.phucxa', unitCode: '00001', note: 'Phường Phúc Xá' },
  { role: 'steering_committee', username: 'bcd.hanoi', unitCode: '01', note: 'TP Hà Nội' },
  { role: 'verifier', username: 'kiemtra', unitCode: null, note: 'toàn quốc / national' },
  { role: 'hotline_operator', username: 'tongdai.hanoi', unitCode: '01', note: 'TP Hà Nội' },
];

export const DEMO_CITIZEN_PHONE = '0912345678';

/** Fixed and public on purpose: these accounts exist only in demo installations. */
export function demoPassword(role: string): string {
  return `demo-${role.replace(/_/g, '-')}-2021!`;
}

/** Creates the missing demo accounts (a second start creates none) and returns all of them to print. */
export async function seedDemoAccounts(db: Db, serverSecret: string): Promise<DemoAccount[]> {
  const out: DemoAccount[] = [];
  for (const s of DEMO_STAFF) {
    const password = demoPassword(s.role);
    if (!(await findAccountByUsername(db, s.username))) {
      const passwordHash = await hashPassword(password);
      await db.query(
        // A concurrent start may have created it meanwhile: the unique index keeps one.
        `insert into accounts (kind, username, display_name, role, unit_code, password_hash)
         select 'staff', $1::text, $2, $3, $4, $5
         where not exists (select 1 from accounts where lower(username) = lower($1::text))`,
        [s.username, `${ROLE_LABELS[s.role].vi} (demo)`, s.role, s.unitCode, passwordHash],
      );
    }
    if (TWO_FACTOR_ROLES.has(s.role)) {
      const account = await findAccountByUsername(db, s.username);
      if (account && !account.totp_enabled)
        await db.query('update accounts set totp_secret = $2, totp_enabled = true where id = $1', [
          account.id,
          sealTotpSecret(DEMO_TOTP_SECRET, account.id, serverSecret),
        ]);
      out.push({
        role: s.role,
        login: s.username,
        secret: password,
        note: `${s.note} · 2FA TOTP ${DEMO_TOTP_SECRET}`,
        totpSecret: DEMO_TOTP_SECRET,
      });
      continue;
    }
    out.push({ role: s.role, login: s.username, secret: password, note: s.note });
  }
  out.push({
    role: 'citizen',
    login: DEMO_CITIZEN_PHONE,
    secret: 'OTP → /dev/inbox',
    note: 'mã OTP trong hộp thư dev / code in the dev inbox',
  });
  return out;
}
