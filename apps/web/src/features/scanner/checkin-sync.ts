// Sends queued check-ins (kind 'checkin'). Codes scanned offline are resolved first; every item keeps
// its client-generated id, so a retry after a lost answer is recorded once (the server answers
// 'duplicate').
import { api, ApiError } from '../../api/client';
import { registerSender } from '../../offline/queue';
import type { CheckinQueueItem, ScanResult } from './types';

type Rejection = { id: string; error: unknown };

/** 4xx answers are final for the item; network errors, 401, 429 and 5xx keep it pending. */
function isFinal(err: unknown): err is ApiError {
  return (
    err instanceof ApiError && err.status >= 400 && err.status < 500 && ![401, 408, 429].includes(err.status)
  );
}

const errorOf = (e: ApiError) => ({ code: e.code, message: e.messages });

async function resolveOffline(item: Extract<CheckinQueueItem, { kind: 'staff' }>, rejected: Rejection[]) {
  try {
    const r = await api.post<ScanResult>('/api/scan/resolve', { code: item.code, venueId: item.venueId });
    if (r.kind === 'person')
      return {
        kind: 'staff',
        id: item.id,
        venueId: item.venueId,
        personId: r.person.id,
        method: r.method,
        deviceTime: item.deviceTime,
      };
    rejected.push({
      id: item.id,
      error: {
        code: 'UNKNOWN_CODE',
        message: { vi: 'Mã không phải của một người.', en: 'Not a personal code.' },
      },
    });
  } catch (e) {
    if (!isFinal(e)) throw e;
    rejected.push({ id: item.id, error: errorOf(e) });
  }
  return null;
}

export async function sendCheckins(items: Array<{ id: string; payload: unknown }>) {
  const rejected: Rejection[] = [];
  const batch: Record<string, unknown>[] = [];
  for (const { payload } of items) {
    const item = payload as CheckinQueueItem;
    if (item.kind === 'staff' && !item.personId) {
      const resolved = await resolveOffline(item, rejected);
      if (resolved) batch.push(resolved);
    } else {
      batch.push({ ...item });
    }
  }
  const done: string[] = [];
  if (batch.length) {
    const res = await api.post<{ results: { id: string; status: string; error?: unknown }[] }>(
      '/api/checkins/batch',
      { items: batch },
    );
    for (const r of res.results) {
      if (r.status === 'rejected') rejected.push({ id: r.id, error: r.error ?? null });
      else done.push(r.id);
    }
  }
  return { done, rejected };
}

/** Called once at start (main.tsx), so the queue drains whichever page is open. */
export function registerCheckinSender(): void {
  registerSender('checkin', sendCheckins);
}
