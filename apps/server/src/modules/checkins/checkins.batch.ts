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
 * Offline sync: every item is checked and recorded on its own (a bad item never blocks the others),
 * all of them through the same group commit, so a batch usually lands in one or two transactions.
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
  const results = await Promise.all(
    items.map(async (raw): Promise<BatchItemResult> => {
      const id = str((raw ?? {}) as Record<string, unknown>, 'id') ?? '';
      try {
        const item = parseItem(raw);
        const res =
          item.kind === 'visitor'
            ? await service.record(await service.prepareVisitor(ctx, item.v, 'sync', memo), false)
            : await service.recordStaff(await service.prepareStaff(ctx, item.s, 'sync', memo), memo, false);
        return { id, status: res.duplicate ? 'duplicate' : 'created' };
      } catch (err) {
        return rejected(id, err);
      }
    }),
  );
  return { results };
}
