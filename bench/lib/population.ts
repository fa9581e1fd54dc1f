/**
 * A population for the HTTP load benchmarks, made set-based straight in the database (signing thousands
 * of citizens in through the one-time-code flow would take longer than the benchmark): `citizens`
 * generated people, each with a citizen account and a live session; `venues` active check-in points, each
 * owned by one of those citizens (its staff, who scan visitors) with its signed poster token. Each
 * citizen also has a personal app code (a stored token, signed), which venue staff scan.
 */
import { randomBytes } from 'node:crypto';
import { newQrId, signQrToken } from '@phongdich/domain';
import type { Db } from '../../apps/server/src/core/db/db';
import { tokenHash, SESSION_COOKIE } from '../../apps/server/src/core/auth/tokens';
import { generatePeople } from '../../apps/server/src/demo/generate-people';
import { signingKey } from '../../apps/server/src/modules/keys/keys.service';
import { withKeysSecret } from '../../apps/server/src/core/crypto/keys-secret';
import { loadConfig } from '../../apps/server/src/core/config';

export interface Citizen {
  cookie: string;
  personId: string;
  /** The citizen's personal app QR code, as their phone shows it to venue staff (a staff scan sends it). */
  code: string;
}
export interface Venue {
  id: string;
  token: string;
  /** The session cookie of the venue's owner (venue staff, who scans visitors' cards). */
  staffCookie: string;
}
export interface Population {
  citizens: Citizen[];
  venues: Venue[];
}

export async function seedPopulation(
  db: Db,
  opts: { citizens: number; venues: number; seed?: number },
): Promise<Population> {
  const tag = randomBytes(3).toString('hex');
  const since = (await db.query<{ t: Date }>(`select clock_timestamp() as t`))[0]!.t;
  await generatePeople(db, { count: opts.citizens, seed: opts.seed ?? 11, provinceCode: '01' });
  const people = await db.query<{ id: string }>(
    `select id from persons where created_at >= $1 order by id limit $2`,
    [since, opts.citizens],
  );
  const tokens = people.map(() => randomBytes(32).toString('base64url'));
  // Distinct phone numbers per run (+84 9x…): the tag keeps reruns on a kept database apart.
  const accounts = await db.query<{ id: string; person_id: string }>(
    `insert into accounts (kind, phone, display_name, role, person_id)
     select 'citizen', '+849' || lpad(((('x' || $2::text)::bit(24)::int % 100) * 1000000 + n)::text, 8, '0'),
            'bench', 'citizen', p
       from unnest($1::uuid[]) with ordinality as t(p, n)
     returning id, person_id`,
    [people.map((p) => p.id), tag],
  );
  const byPerson = new Map(accounts.map((a) => [a.person_id, a.id]));
  await db.query(
    `insert into sessions (account_id, token_hash, expires_at)
     select a, h, now() + interval '30 days' from unnest($1::uuid[], $2::text[]) as t(a, h)`,
    [people.map((p) => byPerson.get(p.id)!), tokens.map(tokenHash)],
  );
  // Personal app codes: one stored token per person, signed as the personal-qr module signs it.
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const qrIds = people.map(() => newQrId());
  await db.query(
    `insert into personal_qr_tokens (id, person_id, type, issued_at)
     select i, p, 'P', $3 from unnest($1::text[], $2::uuid[]) as t(i, p)`,
    [qrIds, people.map((p) => p.id), issuedAt],
  );
  // The server signs with the keys secret of its configuration (the same environment as this process):
  // the seeded codes are signed with that secret's key.
  const key = await signingKey(withKeysSecret(db, loadConfig().secret), 'qr');
  const expiresAt = new Date(issuedAt.getTime() + 30 * 86_400_000);
  const citizens: Citizen[] = [];
  for (const [i, p] of people.entries())
    citizens.push({
      cookie: `${SESSION_COOKIE}=${tokens[i]}`,
      personId: p.id,
      code: await signQrToken({ type: 'P', id: qrIds[i]!, issuedAt, expiresAt }, key),
    });

  const owners = people.slice(0, opts.venues).map((p) => byPerson.get(p.id)!);
  const venueRows = await db.query<{ id: string; owner_account_id: string }>(
    `insert into venues (kind, name, name_folded, commune_code, district_code, province_code, owner_phone,
       owner_account_id, status)
     select 'shop', 'Cửa hàng ' || n, 'cua hang ' || n, '00001', '001', '01', '0912000000', o, 'active'
       from unnest($1::uuid[]) with ordinality as t(o, n)
     returning id, owner_account_id`,
    [owners],
  );
  const cookieOf = new Map(people.map((p, i) => [byPerson.get(p.id)!, citizens[i]!.cookie]));
  const venues: Venue[] = [];
  for (const v of venueRows)
    venues.push({
      id: v.id,
      token: await signQrToken({ type: 'V', id: v.id, issuedAt: new Date() }, key),
      staffCookie: cookieOf.get(v.owner_account_id)!,
    });
  return { citizens, venues };
}
