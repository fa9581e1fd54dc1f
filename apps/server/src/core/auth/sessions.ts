import type { Db, Queryable } from '../db/db';
import { TtlCache } from '../cache/cache';
import type { Actor, StaffActor } from './actor';
import type { LevelName, UnitStructure } from '../units/structure';
import { API_TOKEN_PREFIX, newSessionToken, tokenHash } from './tokens';

/** Sliding lifetimes: a staff session ends after 12 idle hours, a citizen's after 30 idle days. */
export const SESSION_TTL_SECONDS = { staff: 12 * 3600, machine: 12 * 3600, citizen: 30 * 24 * 3600 } as const;
/** Extend a session at most once a minute, so every request is not a write. */
const SLIDE_EVERY_SECONDS = 60;

export async function createSession(
  q: Queryable,
  accountId: string,
  kind: keyof typeof SESSION_TTL_SECONDS,
): Promise<{ token: string; maxAge: number }> {
  const token = newSessionToken();
  const maxAge = SESSION_TTL_SECONDS[kind];
  await q.query(
    `insert into sessions (account_id, token_hash, expires_at) values ($1, $2, now() + make_interval(secs => $3))`,
    [accountId, tokenHash(token), maxAge],
  );
  return { token, maxAge };
}

export async function deleteSession(q: Queryable, token: string): Promise<void> {
  await q.query('delete from sessions where token_hash = $1', [tokenHash(token)]);
  drop(token);
}

export async function deleteAccountSessions(q: Queryable, accountId: string): Promise<void> {
  await q.query('delete from sessions where account_id = $1', [accountId]);
  forgetAccountActors(accountId);
}

/**
 * Every API request needs its actor: the answer for a token is remembered for ACTOR_CACHE_MS, so a
 * busy scanner or phone costs no session query per request. This server forgets at once when it
 * ends a session or changes an account (the functions below); a change made by another server
 * reaches this one within ACTOR_CACHE_MS.
 */
export const ACTOR_CACHE_MS = 5_000;
const ACTOR_CACHE_MAX = 100_000;
interface Remembered {
  actor: Actor;
  accountId: string;
  /** Sessions only: sliding state, so the once-a-minute slide still happens. */
  session?: { id: string; kind: keyof typeof SESSION_TTL_SECONDS; lastSeenAt: number; expiresAt: number };
}
/** Tokens remembered per account, so forgetting an account does not scan the whole cache. */
const tokensOf = new Map<string, Set<string>>();
const remembered = new TtlCache<string, Remembered>({
  max: ACTOR_CACHE_MAX,
  ttlMs: ACTOR_CACHE_MS,
  // However an entry leaves (expiry, eviction, forgetting), the index follows.
  onRemove: (r, token) => {
    const set = tokensOf.get(r.accountId);
    set?.delete(token);
    if (set?.size === 0) tokensOf.delete(r.accountId);
  },
});

function drop(token: string): void {
  remembered.delete(token);
}

/** After an account's role, unit, person, status or tokens change on this server. */
export function forgetAccountActors(accountId: string): void {
  for (const token of [...(tokensOf.get(accountId) ?? [])]) remembered.delete(token);
  tokensOf.delete(accountId);
}

/** After changes touching many accounts at once (a merge of people), or made outside the app (tests). */
export function forgetAllActors(): void {
  remembered.clear();
  tokensOf.clear();
}

function remember(token: string, r: Remembered): void {
  drop(token);
  remembered.set(token, r);
  const set = tokensOf.get(r.accountId) ?? new Set<string>();
  set.add(token);
  tokensOf.set(r.accountId, set);
}

interface ActorRow {
  id: string;
  kind: 'staff' | 'citizen' | 'machine';
  role: string;
  unit_code: string | null;
  unit_structure?: UnitStructure;
  /** Looked up with the actor for a request; absent on plain account rows (sign-in's audit actor). */
  unit_level?: LevelName | null;
  facility_id: string | null;
  person_id: string | null;
  display_name: string;
  disabled: boolean;
}

export function actorFromAccount(a: ActorRow): Actor {
  if (a.kind === 'citizen')
    return { kind: 'citizen', accountId: a.id, personId: a.person_id, role: 'citizen' };
  return {
    kind: a.kind,
    accountId: a.id,
    role: a.role as StaffActor['role'],
    unitCode: a.unit_code,
    unitStructure: a.unit_structure,
    unitLevel: a.unit_code === null ? null : a.unit_level,
    facilityId: a.facility_id,
    displayName: a.display_name,
  };
}

/**
 * The account's facility (lab, venue or vaccination site) counts only while it lies in the account's own area: an
 * account tied to a facility elsewhere (made before creation checked it, or a facility moved) acts
 * for none, whatever the module. Within one structure codes of different levels never collide, so
 * "in the area" is one of the facility's codes in the account's structure.
 */
const FACILITY_IN_AREA = `case
    when a.facility_id is null then null
    when a.unit_code is null then a.facility_id
    when exists (select 1 from labs f where f.id::text = a.facility_id
                 and f.unit_structure = a.unit_structure
                 and a.unit_code in (f.province_code, f.district_code, f.commune_code))
      or exists (select 1 from venues f where f.id::text = a.facility_id
                 and f.unit_structure = a.unit_structure
                 and a.unit_code in (f.province_code, f.district_code, f.commune_code))
      or exists (select 1 from vaccination_sites f where f.id::text = a.facility_id
                 and a.unit_code in (f.province_code, f.district_code, f.commune_code))
    then a.facility_id
  end as facility_id`;

/** The unit's level in the account's structure (null when it does not exist there: reaches nothing). */
const UNIT_LEVEL = `(select u.level_name from admin_units u
    where u.structure = a.unit_structure and u.code = a.unit_code) as unit_level`;

const ACTOR_COLUMNS = `a.id, a.kind, a.role, a.unit_code, a.unit_structure, ${UNIT_LEVEL}, ${FACILITY_IN_AREA}, a.person_id, a.display_name, a.disabled`;

/**
 * The actor behind a session or API token, or null when the token is unknown, expired, revoked or
 * belongs to a disabled account. Valid sessions slide forward by their kind's lifetime. Takes the
 * database, never a transaction: the slide's unflushed commit must be a transaction of its own.
 */
export async function actorForToken(q: Db, token: string): Promise<Actor | null> {
  const now = Date.now();
  // Keyed by the token itself (process memory only), so a remembered request needs no hashing.
  const hit = remembered.get(token);
  if (hit) {
    const s = hit.session;
    if (!s) return hit.actor;
    if (s.expiresAt > now) {
      if (now - s.lastSeenAt > SLIDE_EVERY_SECONDS * 1000) await slide(q, s);
      return hit.actor;
    }
  }
  drop(token);
  const hash = tokenHash(token);
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const rows = await q.query<ActorRow & { token_id: string }>(
      `select ${ACTOR_COLUMNS}, t.id as token_id from api_tokens t join accounts a on a.id = t.account_id
       where t.token_hash = $1 and t.revoked_at is null`,
      [hash],
    );
    const row = rows[0];
    if (!row || row.disabled) return null;
    // Housekeeping like the session slide: committed without waiting for its own flush.
    await q.query(
      `with unflushed as (select set_config('synchronous_commit', 'off', true))
       update api_tokens set last_used_at = now() from unflushed where id = $1
         and (last_used_at is null or last_used_at < now() - make_interval(secs => $2))`,
      [row.token_id, SLIDE_EVERY_SECONDS],
    );
    const actor = actorFromAccount(row);
    remember(token, { actor, accountId: row.id });
    return actor;
  }
  const rows = await q.query<ActorRow & { session_id: string; last_seen_at: Date; expires_at: Date }>(
    `select ${ACTOR_COLUMNS}, s.id as session_id, s.last_seen_at, s.expires_at
       from sessions s join accounts a on a.id = s.account_id
     where s.token_hash = $1 and s.expires_at > now()`,
    [hash],
  );
  const row = rows[0];
  if (!row || row.disabled) return null;
  const session = {
    id: row.session_id,
    kind: row.kind,
    lastSeenAt: row.last_seen_at.getTime(),
    expiresAt: row.expires_at.getTime(),
  };
  if (now - session.lastSeenAt > SLIDE_EVERY_SECONDS * 1000) await slide(q, session);
  const actor = actorFromAccount(row);
  remember(token, { actor, accountId: row.id, session });
  return actor;
}

/**
 * Moves a session's expiry forward by its kind's lifetime (and the remembered copy with it).
 * The slide acknowledges nothing to anyone, so its commit does not wait for its own disk flush
 * (`synchronous_commit` off for this one statement's transaction, set_config(…, true)): the next
 * durable commit flushes it with its own WAL, and a crash before that loses only the extension (the
 * session keeps the expiry it had). Before, a citizen's first request after a minute paid a whole
 * disk flush of its own for it, outside the check-in group commit (issue #11).
 */
async function slide(q: Db, s: NonNullable<Remembered['session']>): Promise<void> {
  const ttl = SESSION_TTL_SECONDS[s.kind];
  await q.query(
    `with unflushed as (select set_config('synchronous_commit', 'off', true))
     update sessions set last_seen_at = now(), expires_at = now() + make_interval(secs => $2)
       from unflushed where id = $1`,
    [s.id, ttl],
  );
  s.lastSeenAt = Date.now();
  s.expiresAt = s.lastSeenAt + ttl * 1000;
}
