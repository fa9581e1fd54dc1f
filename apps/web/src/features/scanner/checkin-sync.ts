// Sends queued check-ins (kind 'checkin'). Staff items carry the scanned code, which the server resolves
// to the person; every item keeps its client-generated id, so a retry after a lost answer is recorded
// once (the server answers 'duplicate').
import type { BatchResult } from '@phongdich/contracts/checkins';
import { api } from '../../api/client';
import { registerSender } from '../../offline/queue';
import type { CheckinQueueItem } from './types';

type Rejection = { id: string; error: unknown };

export async function sendCheckins(items: Array<{ id: string; payload: unknown }>) {
  const rejected: Rejection[] = [];
  const batch: Record<string, unknown>[] = [];
  for (const { payload } of items) batch.push({ ...(payload as CheckinQueueItem) });
  const done: string[] = [];
  if (batch.length) {
    const res = await api.post<BatchResult>('/api/checkins/batch', { items: batch });
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
