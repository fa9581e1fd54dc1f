import type { Action, AuditAction } from '@phongdich/contracts';
import { recordAudit, type AuditContext } from './audit/audit';
import type { Actor } from './auth/actor';
import { authorize } from './auth/policy';
import type { Db, Queryable } from './db/db';
import { AppError } from './errors';
import { idempotencyScope, runIdempotent } from './http/idempotency';

/**
 * One implementation of investigation holds, keyed by the kind of data held. A module that keeps
 * personal data past its retention on an officer's word (check-ins and declarations now; cases,
 * quarantine and vaccination later) describes its kind once — its table, how a hold is read, the
 * policy action and audit actions — and places, lists and releases holds through the functions
 * below, so the flow (authorise, idempotent placing, area check, audit in the same transaction,
 * release that keeps the row) is the same for all of them. The rules on what an officer must give
 * are in holds.ts.
 */
export type HoldKindName = 'checkins' | 'declarations';

/** What every kind's hold row carries (the owner's select adds its own columns). */
export interface HoldRowBase {
  id: string;
  person_id: string | null;
  held_until: Date;
  reason: string;
  created_at: Date;
  created_by_name: string | null;
  active: boolean;
  released_at: Date | null;
  released_by_name: string | null;
  /** The held person's commune: an area-wide list reads by it, without the person's name. */
  person_commune_name: string | null;
}

export interface HoldKind<Row extends HoldRowBase> {
  kind: HoldKindName;
  /** The owner's holds table; it has held_until, released_at and released_by_account_id columns. */
  table: string;
  /** `select … from <table> h …`: the owner's columns and joins, the hold aliased `h`. */
  select: string;
  /** The policy action that guards placing, reading and releasing. */
  policy: Action;
  audit: { place: AuditAction; read: AuditAction; release: AuditAction };
  /** Is the hold's subject (person, point…) in the actor's area? Outside it a hold is as good as unknown. */
  inReach(q: Queryable, actor: Actor, row: Row): Promise<boolean> | boolean;
  /** What a release's audit entry says besides the hold's id and its end before (ids only). */
  releaseDetails?(row: Row): Record<string, unknown>;
}

/** The hold's fields every kind answers with (a kind adds its own: the point, the time range…). */
export const holdJson = (r: HoldRowBase) => ({
  id: r.id,
  personId: r.person_id,
  heldUntil: r.held_until.toISOString(),
  reason: r.reason,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  createdByName: r.created_by_name,
  releasedAt: r.released_at?.toISOString() ?? null,
  releasedByName: r.released_by_name,
  personCommuneName: r.person_commune_name,
});

const accountOf = (actor: Actor): string | null => (actor.kind === 'anonymous' ? null : actor.accountId);

/** `true`: in force only; `false`: ended only; `null`: both — as SQL on the parameter given. */
export const activeHoldSql = (param: number): string =>
  `($${param}::boolean is null or (h.held_until > now()) = $${param})`;

export async function findHold<Row extends HoldRowBase>(
  q: Queryable,
  kind: HoldKind<Row>,
  id: string,
  forUpdate = false,
): Promise<Row | undefined> {
  const rows = await q.query<Row>(`${kind.select} where h.id = $1${forUpdate ? ' for update of h' : ''}`, [
    id,
  ]);
  return rows[0];
}

/** Ends a hold now; the row stays (the history of holds). False if it had already ended. */
export async function endHold(
  q: Queryable,
  kind: { table: string },
  id: string,
  accountId: string | null,
): Promise<boolean> {
  if (!/^[a-z][a-z_]*$/.test(kind.table)) throw new Error('holds: table must be an identifier');
  const rows = await q.query(
    `update ${kind.table} set held_until = now(), released_at = now(), released_by_account_id = $2
      where id = $1 and held_until > now() returning id`,
    [id, accountId],
  );
  return rows.length > 0;
}

/**
 * Places a hold; Idempotency-Key supported: a retry answers the stored hold instead of placing a
 * second one. `locate` loads the subject and authorises the actor there (404 unknown, 403 outside);
 * `insert` writes the owner's row and returns its id; both run in the placing transaction, with
 * the audit entry (reason and `details` of the stored row).
 */
export async function placeHold<Row extends HoldRowBase, T>(
  db: Db,
  kind: HoldKind<Row>,
  ctx: AuditContext,
  p: {
    route: string;
    key: string | undefined;
    body: unknown;
    reason: string;
    locate: (tx: Queryable) => Promise<void>;
    insert: (tx: Queryable, accountId: string | null) => Promise<string>;
    details: (row: Row) => Record<string, unknown>;
    toJson: (row: Row) => T;
  },
) {
  const scope = idempotencyScope(p.route, ctx.actor);
  return runIdempotent(db, { scope, key: p.key, body: p.body, status: 201 }, async (tx) => {
    await p.locate(tx);
    const id = await p.insert(tx, accountOf(ctx.actor));
    const row = (await findHold(tx, kind, id))!;
    await recordAudit(tx, ctx, {
      action: kind.audit.place,
      personId: row.person_id,
      reason: p.reason,
      details: { holdId: row.id, ...p.details(row) },
    });
    return p.toJson(row);
  });
}

/**
 * Audits reading a list of holds, in the reading transaction: one subject's holds always (with
 * their count), an area-wide list with the people it names, and only when it names any.
 */
export async function auditHoldRead(
  tx: Queryable,
  kind: { audit: { read: AuditAction } },
  ctx: AuditContext,
  rows: HoldRowBase[],
  subject: { personId?: string },
): Promise<void> {
  if (subject.personId) {
    await recordAudit(tx, ctx, {
      action: kind.audit.read,
      personId: subject.personId ?? null,
      details: { count: rows.length },
    });
    return;
  }
  const personIds = [...new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
  if (personIds.length) await recordAudit(tx, ctx, { action: kind.audit.read, details: { personIds } });
}

/** Ends a hold now, keeping its row; releasing an ended hold changes nothing (and audits nothing). */
export async function releaseHold<Row extends HoldRowBase, T>(
  db: Db,
  kind: HoldKind<Row>,
  ctx: AuditContext,
  id: string,
  reason: string | undefined,
  toJson: (row: Row) => T,
): Promise<T> {
  authorize(ctx.actor, kind.policy);
  return db.transaction(async (tx) => {
    const row = await findHold(tx, kind, id, true);
    // Outside the area a hold is as good as unknown: its id tells nothing.
    if (!row || !(await kind.inReach(tx, ctx.actor, row))) throw new AppError('NOT_FOUND');
    if (!(await endHold(tx, kind, id, accountOf(ctx.actor)))) return toJson(row);
    await recordAudit(tx, ctx, {
      action: kind.audit.release,
      personId: row.person_id,
      reason: reason?.trim() || null,
      details: { holdId: id, ...kind.releaseDetails?.(row), heldUntilBefore: row.held_until.toISOString() },
    });
    return toJson((await findHold(tx, kind, id))!);
  });
}
