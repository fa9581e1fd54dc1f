// What happens to one scanned code: resolve online and check in, or (offline) check our own codes
// locally and queue the raw code for the server to resolve when the network returns.
import { classifyScannedCode } from '@phongdich/domain';
import { api, ApiError } from '../../api/client';
import { enqueue } from '../../offline/queue';
import { verifyOffline } from '../../offline/trust-cache';
import { scannerCountKey } from './scanner-day';
import type { CheckinResult, ScanResult } from './types';

export type ScanOutcome =
  | {
      kind: 'person';
      scan: Extract<ScanResult, { kind: 'person' }>;
      checkin: CheckinResult | 'queued' | null;
    }
  | { kind: 'queued'; offlineVerified: boolean; codeKind: string }
  | { kind: 'venue'; name: string }
  | { kind: 'certificate' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'error'; error: unknown };

const isNetwork = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500);

const todayKey = () => scannerCountKey(new Date());
export function todayCount(): number {
  return Number(localStorage.getItem(todayKey()) ?? '0');
}
function bumpToday() {
  localStorage.setItem(todayKey(), String(todayCount() + 1));
}

async function queueCode(code: string, venueId: string | null): Promise<ScanOutcome> {
  const c = classifyScannedCode(code);
  let offlineVerified = false;
  if (c.kind === 'phongdich') {
    const v = await verifyOffline(c.raw);
    if (v && !v.ok) return { kind: 'invalid', reason: v.reason };
    if (v?.ok && v.type === 'V') return { kind: 'invalid', reason: 'VENUE_CODE' };
    offlineVerified = !!v?.ok;
  } else if (c.kind !== 'cccd_chip' && c.kind !== 'bhyt') {
    return { kind: 'invalid', reason: c.kind === 'unknown' ? c.reason : c.kind };
  }
  if (!venueId) return { kind: 'invalid', reason: 'NO_VENUE_OFFLINE' };
  await enqueue('checkin', {
    id: crypto.randomUUID(),
    kind: 'staff',
    venueId,
    code: c.kind === 'phongdich' ? c.raw : code.trim(),
    deviceTime: new Date().toISOString(),
  });
  bumpToday();
  return { kind: 'queued', offlineVerified, codeKind: c.kind };
}

export async function handleScan(code: string, venueId: string | null): Promise<ScanOutcome> {
  if (!navigator.onLine) return queueCode(code, venueId);
  let scan: ScanResult;
  try {
    scan = await api.post<ScanResult>('/api/scan/resolve', { code, venueId: venueId ?? undefined });
  } catch (e) {
    if (isNetwork(e)) return queueCode(code, venueId);
    return { kind: 'error', error: e };
  }
  if (scan.kind === 'venue') return { kind: 'venue', name: scan.name };
  if (scan.kind === 'certificate') return { kind: 'certificate' };
  if (!venueId) return { kind: 'person', scan, checkin: null };
  // The check-in carries the code itself: the server finds the person again (it takes no person id).
  const item = { id: crypto.randomUUID(), venueId, code, deviceTime: new Date().toISOString() };
  try {
    const checkin = await api.post<CheckinResult>('/api/checkins/staff', item);
    bumpToday();
    return { kind: 'person', scan, checkin };
  } catch (e) {
    if (!isNetwork(e)) return { kind: 'error', error: e };
    await enqueue('checkin', { ...item, kind: 'staff' });
    bumpToday();
    return { kind: 'person', scan, checkin: 'queued' };
  }
}
