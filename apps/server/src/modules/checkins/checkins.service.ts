import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { familyOf, citizenMayRead, citizenPersonId } from '../people';
import { mayRecordVisitsAt } from '../venues';
import { scanService } from '../scan';
import { checkinsByIds, sameVisitCheckin, setCheckout } from './checkins.repository';
import { checkDeviceTime, UUID_RE } from './checkins.rules';
import type { CheckinResult, NewCheckin, StaffInput, VisitorInput } from './checkins.types';
import { GroupCommitWriter, type GroupCommitOptions } from './group-commit';
import { venueCache, type CachedVenue } from './venue-cache';
import { venueTokenVerifier } from './venue-token';

/** Per-call memo so a batch of 1000 items verifies each token and checks each venue once. */
export type Memo = Map<string, Promise<unknown>>;
const once = <T>(memo: Memo | undefined, key: string, fn: () => Promise<T>): Promise<T> => {
  if (!memo) return fn();
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) memo.set(key, (p = fn()));
  return p;
};

interface Prepared {
  row: NewCheckin;
  venue: CachedVenue;
}

export interface CheckinServiceOptions {
  retentionDays: number;
  /** Same person, same venue, within this many minutes: the same visit (0 = off). */
  sameVisitMinutes?: number;
  writer?: GroupCommitOptions;
}

/** Recording check-ins: checks first, then the group-commit writer; one audit entry per commit. */
export function checkinsService(db: Db, opts: CheckinServiceOptions) {
  const verifyToken = venueTokenVerifier(db);
  const venues = venueCache(db);
  const scanner = scanService(db);
  // Personal data writes are audited once per commit and account, not per check-in (throughput): the
  // entry names the account, its address and the venues, and lists every check-in and person.
  const writer = new GroupCommitWriter(db, {
    ...opts.writer,
    audit: { action: 'checkin.create', writer: 'checkins.group-commit' },
  });

  const base = (id: string, source: 'live' | 'sync', deviceTime: string, now: Date) => {
    if (!UUID_RE.test(id)) throw new AppError('VALIDATION_FAILED');
    // PostgreSQL stores a uuid in lower case; the replay check compares the stored id with this one.
    return {
      id: id.toLowerCase(),
      serverTime: now,
      deviceTime: checkDeviceTime(deviceTime, source, now, opts.retentionDays),
    };
  };

  async function prepareVisitor(
    ctx: AuditContext,
    input: VisitorInput,
    source: 'live' | 'sync',
    memo?: Memo,
  ) {
    const { actor } = ctx;
    authorize(actor, 'checkin.create');
    const now = new Date();
    const b = base(input.id, source, input.deviceTime, now);
    const venueId = await once(memo, `t:${input.venueToken}`, () => verifyToken(input.venueToken, now));
    const venue = await venues.usable(venueId);
    const own = await once(memo, 'own', () => citizenPersonId(db, actor));
    if (!own) throw new AppError('CHECKIN_NO_PERSON');
    const personId = input.personId?.toLowerCase() ?? own;
    if (personId !== own) {
      const family = await once(memo, 'family', () => familyOf(db, own));
      if (!family.some((m) => m.id === personId)) throw new AppError('FORBIDDEN', undefined, 'not family');
    }
    return {
      venue,
      row: { ...b, personId, method: 'venue_qr', ...rowPlace(venue, ctx, source) },
    } as Prepared;
  }

  async function prepareStaff(ctx: AuditContext, input: StaffInput, source: 'live' | 'sync', memo?: Memo) {
    const { actor } = ctx;
    if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    const b = base(input.id, source, input.deviceTime, new Date());
    const venue = await venues.usable(input.venueId.toLowerCase());
    // The venues module's one rule: whoever acts for the venue (or its parent), or officers of its area.
    const allowed = await once(memo, `s:${venue.id}`, () => mayRecordVisitsAt(db, actor, venue));
    if (!allowed) throw new AppError('FORBIDDEN', undefined, 'not staff of this venue');
    // A point not yet approved by its commune records no one's visit (self-registered points would
    // otherwise reach any person of the area from day one).
    if (venue.status !== 'active') throw new AppError('VENUE_NOT_ACTIVE');
    // The person is whoever the scanned code names, by the scanner's rules (a pending identity for an
    // unknown card); a client-supplied person id would let an account reach anyone in the registry.
    const scanned = await once(memo, `c:${venue.id}:${input.code}`, () =>
      scanner.personForCode(ctx, { code: input.code, venueId: venue.id }),
    );
    const row = {
      ...b,
      personId: scanned.personId.toLowerCase(),
      method: scanned.method,
      ...rowPlace(venue, ctx, source),
    };
    return { venue, row } as Prepared;
  }

  function rowPlace(venue: CachedVenue, ctx: AuditContext, source: 'live' | 'sync') {
    const a = ctx.actor;
    return {
      venueId: venue.id,
      communeCode: venue.commune_code,
      districtCode: venue.district_code,
      provinceCode: venue.province_code,
      unitStructure: venue.unit_structure,
      recordedBy: a.kind === 'anonymous' ? null : a.accountId,
      source,
      request: {
        role: a.kind === 'anonymous' ? 'anonymous' : a.role,
        unit: a.kind === 'staff' || a.kind === 'machine' ? a.unitCode : null,
        ip: ctx.ip ?? null,
        requestId: ctx.requestId ?? null,
      },
    };
  }

  /** Writes through the group commit; answers after the commit, with the stored row on replays. */
  async function record(p: Prepared, withDeclaration = true): Promise<CheckinResult> {
    const outcome = await writer.write(p.row);
    if (outcome.status === 'conflict') throw new AppError('CONFLICT', undefined, 'check-in id reused');
    return {
      id: outcome.stored.id,
      venueId: p.venue.id,
      venueName: p.venue.name,
      serverTime: outcome.stored.server_time.toISOString(),
      duplicate: outcome.status === 'duplicate',
      declarationRequired: withDeclaration && (await venues.declarationRequired(p.venue, p.row.personId)),
    };
  }

  const sameVisitMs = (opts.sameVisitMinutes ?? 0) * 60_000;

  /**
   * A staff scan of someone already checked in here within the window (by another of their codes,
   * or the same one scanned twice) answers that first check-in, marked `sameVisit`, and stores
   * nothing. Scans of one person at one venue in a sync batch are taken in order, so the second sees
   * the first.
   */
  function recordStaff(p: Prepared, memo?: Memo, withDeclaration = true): Promise<CheckinResult> {
    const run = async (): Promise<CheckinResult> => {
      const earlier = sameVisitMs > 0 ? await sameVisitCheckin(db, p.row, sameVisitMs) : undefined;
      if (!earlier || earlier.id === p.row.id) return record(p, withDeclaration);
      return {
        id: earlier.id,
        venueId: p.venue.id,
        venueName: p.venue.name,
        serverTime: earlier.server_time.toISOString(),
        duplicate: true,
        sameVisit: true,
        declarationRequired: withDeclaration && (await venues.declarationRequired(p.venue, p.row.personId)),
      };
    };
    if (!memo) return run();
    const key = `visit:${p.row.venueId}:${p.row.personId}`;
    const next = ((memo.get(key) as Promise<unknown> | undefined) ?? Promise.resolve())
      .catch(() => undefined)
      .then(run);
    memo.set(key, next);
    return next;
  }

  return {
    writer,
    prepareVisitor,
    prepareStaff,
    record,
    recordStaff,
    visitor: async (ctx: AuditContext, input: VisitorInput) =>
      record(await prepareVisitor(ctx, input, 'live')),
    staff: async (ctx: AuditContext, input: StaffInput) =>
      recordStaff(await prepareStaff(ctx, input, 'live')),

    async checkout(ctx: AuditContext, id: string, deviceTime: string) {
      const { actor } = ctx;
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      checkDeviceTime(deviceTime, 'live', new Date(), opts.retentionDays);
      const row = UUID_RE.test(id) ? (await checkinsByIds(db, [id]))[0] : undefined;
      if (!row) throw new AppError('CHECKIN_NOT_FOUND');
      const venue = await venues.get(row.venue_id);
      const allowed =
        row.recorded_by_account_id === actor.accountId ||
        (actor.kind === 'citizen' && (await citizenMayRead(db, actor, row.person_id))) ||
        (!!venue && (await mayRecordVisitsAt(db, actor, venue)));
      if (!allowed) throw new AppError('CHECKIN_NOT_FOUND');
      const done = await db.transaction(async (tx) => {
        const updated = await setCheckout(tx, id, new Date());
        if (!updated?.checkout_time) throw new AppError('CHECKIN_NOT_FOUND');
        await recordAudit(tx, ctx, {
          action: 'checkin.checkout',
          personId: updated.person_id,
          details: { checkinId: id },
        });
        return updated;
      });
      const checkoutTime = done.checkout_time!;
      return {
        id,
        checkoutTime: checkoutTime.toISOString(),
        minutesSpent: Math.max(0, Math.round((checkoutTime.getTime() - done.server_time.getTime()) / 60_000)),
      };
    },
  };
}
export type CheckinsService = ReturnType<typeof checkinsService>;
