import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** An audit entry's content: what the application wrote, exactly as the database gives it back. */
export interface EntryContent {
  at: Date;
  actor_account_id: string | null;
  actor_role: string | null;
  actor_unit: string | null;
  action: string;
  person_id: string | null;
  ip: string | null;
  request_id: string | null;
  reason: string | null;
  break_glass: boolean;
  details: Record<string, unknown>;
}

export const GENESIS = '0'.repeat(64);

/** Stable JSON: object keys sorted, so the hash does not depend on how jsonb reorders them. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}

function contentText(r: EntryContent): string {
  return canonical([
    r.at.toISOString(),
    r.actor_account_id,
    r.actor_role,
    r.actor_unit,
    r.action,
    r.person_id,
    r.ip,
    r.request_id,
    r.reason,
    r.break_glass,
    r.details,
  ]);
}

/** The unkeyed link of entries sealed before the chain was keyed (0022); they keep verifying with it. */
export function entryHash(prev: string, r: EntryContent): string {
  return createHash('sha256').update(prev).update(contentText(r)).digest('hex');
}

const MAC_VERSION = 'v1';

/**
 * The application's seal on an entry it writes: HMAC over a fresh nonce and the content. The sealer
 * chains only entries whose MAC verifies, so a row inserted by anyone without the key is refused.
 * The nonce makes every MAC unique, so verification can tell a copied row (no unique index: it
 * would slow down every audited insert).
 */
export function entryMac(key: Buffer, r: EntryContent): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${MAC_VERSION}.${nonce}.${macTag(key, nonce, r)}`;
}

function macTag(key: Buffer, nonce: string, r: EntryContent): string {
  return createHmac('sha256', key)
    .update(`${MAC_VERSION}.${nonce}.`)
    .update(contentText(r))
    .digest('base64url');
}

export function entryMacValid(key: Buffer, mac: string | null, r: EntryContent): boolean {
  if (!mac) return false;
  const [version, nonce, tag] = mac.split('.');
  if (version !== MAC_VERSION || !nonce || !tag || mac.split('.').length !== 3) return false;
  const expected = Buffer.from(macTag(key, nonce, r));
  const given = Buffer.from(tag);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * A keyed link: HMAC of the previous link, the position, the row id and the entry's MAC (which
 * binds its content). Without the key nobody can recompute the links after changing, removing,
 * renumbering or inserting an entry.
 */
export function chainHash(key: Buffer, prev: string, seq: number, id: number, mac: string): string {
  return createHmac('sha256', key)
    .update(canonical([prev, seq, id, mac]))
    .digest('hex');
}

/**
 * Content as the database will return it: JSON round trip of the details (drops undefined, turns
 * dates into strings, as jsonb does) and the uuid in its canonical text, so the MAC made before the
 * insert matches the one the sealer recomputes from the stored row.
 */
export function storedDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return details ? (JSON.parse(JSON.stringify(details)) as Record<string, unknown>) : {};
}

export function storedUuid(id: string | null | undefined): string | null {
  if (!id) return null;
  const hex = id.replace(/[{}-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return id;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
