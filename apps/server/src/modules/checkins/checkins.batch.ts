import { ERRORS, type ErrorCode } from '@phongdich/contracts';
import type { AuditContext } from '../../core/audit/audit';
import { AppError } from '../../core/errors';
import { refuseBarePersonId } from './checkins.staff-code';
import { MAX_BATCH_ITEMS, UUID_RE } from './checkins.rules';
import type { CheckinsService, Memo } from './checkins.service';
import type { StaffInput, VisitorInput } from './checkins.types';

export interface BatchItemResult {
  id: string;
  status: 'created' | 'duplicate' | 'rejected';
  error?: { code: ErrorCode; message: { vi: string; en: string } };
}

const str = (o: Record<string, unknown>, k: string) =>
  typeof o[k] === 'string' ? (o[k] as string) : undefined;

/** Shape check of one item; the schema lets items through loosely so one bad item fails alone. */
function parseItem(raw: unknown): { kind: 'visitor'; v: VisitorInput } | { kind: 'staff'; s: StaffInput } {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const id = str(o, 'id');
  const deviceTime = str(o, 'deviceTime');
  if (!id || !UUID_RE.test(id) || !deviceTime) throw new AppError('VALIDATION_FAILED');
  if (o.kind === 'visitor') {
    const venueToken = str(o, 'venueToken');
    const personId = o.personId === undefined ? undefined : str(o, 'personId');
    const badPerson = o.personId !== undefined && (!personId || !UUID_RE.test(personId));
    if (!venueToken || venueToken.length > 512 || badPerson || (o.method ?? 'venue_qr') !== 'venue_qr') {
      throw new AppError('VALIDATION_FAILED');
    }
    return { kind: 'visitor', v: { id, venueToken, personId, deviceTime } };
  }
  if (o.kind === 'staff') {
    refuseBarePersonId(o);
    const venueId = str(o, 'venueId');
    const code = str(o, 'code');
    if (!venueId || !code || code.length > 4200) throw new AppError('VALIDATION_FAILED');
    return { kind: 'staff', s: { id, venueId, code, deviceTime } };
  }
  throw new AppError('VALIDATION_FAILED');
}

const rejected = (id: string, err: unknown): BatchItemResult => {
  const code: ErrorCode = err instanceof AppError ? err.code : 'INTERNAL';
  return { id, status: 'rejected', error: { code, message: { vi: ERRORS[code].vi, en: ERRORS[code].en } } };
};

/**
 * Offline sync: every item is checked on its own (a bad item never blocks the others), then all the
 * accepted ones are handed to the group commit together, so a batch lands in one transaction (one
 * flush) instead of in as many as the checks' database reads spread it over (issue #11).
 * Replays answer 'duplicate'; device times as old as the retention window are accepted here.
 */
export async function syncBatch(
  service: CheckinsService,
  ctx: AuditContext,
  items: unknown[],
): Promise<{ results: BatchItemResult[] }> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (items.length > MAX_BATCH_ITEMS) throw new AppError('CHECKIN_BATCH_TOO_LARGE');
  const memo: Memo = new Map();
  const prepared = await Promise.all(
    items.map(async (raw) => {
      const id = str((raw ?? {}) as Record<string, unknown>, 'id') ?? '';
      try {
        const item = parseItem(raw);
        return item.kind === 'visitor'
          ? { id, visitor: await service.prepareVisitor(ctx, item.v, 'sync', memo) }
          : { id, staff: await service.prepareStaff(ctx, item.s, 'sync', memo) };
      } catch (err) {
        return { id, error: err };
      }
    }),
  );
  // Started in one loop, so every visitor row joins the writer's queue before its timer can fire.
  const results = await Promise.all(
    prepared.map(async (p): Promise<BatchItemResult> => {
      try {
        if ('error' in p) throw p.error;
        const res = p.visitor
          ? await service.record(p.visitor, false)
          : await service.recordStaff(p.staff!, memo, false);
        return { id: p.id, status: res.duplicate ? 'duplicate' : 'created' };
      } catch (err) {
        return rejected(p.id, err);
      }
    }),
  );
  return { results };
}
