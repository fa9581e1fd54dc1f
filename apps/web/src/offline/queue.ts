// Offline outbox for writes made without a network (check-ins, scans…), stored in IndexedDB so it
// survives closing the browser. Items carry client-generated ids (crypto.randomUUID()), so a retry
// after a lost response is exactly-once thanks to the server's idempotency. Rejected items are kept
// with their error for display, never silently dropped.
import type { QueueKind } from '@phongdich/contracts';
import { idbStore, type QueueStore, type StoredItem } from './queue-store';
import { onReachability, reportReachable, serverReachable } from './reachability';

export type Sender = (
  items: Array<{ id: string; payload: unknown }>,
) => Promise<{ done: string[]; rejected: Array<{ id: string; error: unknown }> }>;

export interface QueueStatus {
  pending: number;
  lastSyncAt: string | null;
  syncing: boolean;
  online: boolean;
}

export interface RejectedItem {
  id: string;
  kind: string;
  payload: unknown;
  error: unknown;
  createdAt: string;
}

const BATCH_SIZE = 100;
const RETRY_MS = 30_000;
/** After a send that failed (network not up yet, server restarting), the next try comes soon and then
 * less and less often: a scanner whose network blinks back must not wait the whole 30 s period. */
const FIRST_RETRY_MS = 2_000;
let firstRetryMs = FIRST_RETRY_MS;
let failedPasses = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

const senders = new Map<string, Sender>();
const listeners = new Set<() => void>();
let store: QueueStore | null = null;
let flushing: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setInterval> | null = null;
let started = false;
/** What the browser says (navigator.onLine and its online/offline events). */
let browserOnline = typeof navigator === 'undefined' || navigator.onLine !== false;
/** Asks the server whether it answers, when a request failed and the browser still says online. */
let probe: () => Promise<void> = () =>
  fetch('/api/health', { cache: 'no-store', credentials: 'same-origin' }).then(
    () => reportReachable(true),
    () => reportReachable(false),
  );
let status: QueueStatus = { pending: 0, lastSyncAt: null, syncing: false, online: browserOnline };

// Online is the browser's word and the server's answer: a failed request shows the offline line and
// starts the probes; the first answer sends what waits.
onReachability((ok) => {
  setStatus({ online: browserOnline && ok });
  if (!ok) scheduleRetry();
  else if (status.pending > 0) void flush();
});

function db(): QueueStore {
  store ??= idbStore();
  return store;
}

/** For unit tests: use another store (e.g. over fake-indexeddb) and forget senders/state. */
export function resetQueueForTests(
  next: QueueStore,
  opts: { firstRetryMs?: number; online?: boolean; probe?: () => Promise<void> } = {},
): void {
  store = next;
  senders.clear();
  flushing = null;
  again = false;
  stopTimer();
  cancelRetry();
  failedPasses = 0;
  firstRetryMs = opts.firstRetryMs ?? FIRST_RETRY_MS;
  browserOnline = opts.online ?? true;
  if (opts.probe) probe = opts.probe;
  status = { pending: 0, lastSyncAt: null, syncing: false, online: false };
  // Nothing pending and no sender: its listener only sets the line; then the line as the test says.
  reportReachable(true);
  status = { ...status, online: browserOnline };
}

function setStatus(patch: Partial<QueueStatus>): void {
  status = { ...status, ...patch };
  for (const l of listeners) l();
}

async function refreshPending(): Promise<number> {
  const n = await db().count('pending');
  setStatus({ pending: n });
  if (n > 0) startTimer();
  else stopTimer();
  return n;
}

function startTimer(): void {
  if (timer || typeof setInterval === 'undefined') return;
  timer = setInterval(() => void flush(), RETRY_MS);
  // Node (unit tests) must not be kept alive by the retry timer; browsers have no unref.
  (timer as { unref?: () => void }).unref?.();
}

function stopTimer(): void {
  if (timer) clearInterval(timer);
  timer = null;
}

function cancelRetry(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
}

/** 2 s, 4 s, 8 s, 16 s, then the regular 30 s period. */
export function retryDelayMs(failures: number, first = FIRST_RETRY_MS): number {
  return Math.min(first * 2 ** Math.max(0, failures - 1), RETRY_MS);
}

function scheduleRetry(): void {
  cancelRetry();
  // With no network at all the browser says so, and its `online` event starts the next flush.
  if (typeof setTimeout === 'undefined' || !browserOnline) return;
  retryTimer = setTimeout(
    () => {
      retryTimer = null;
      void retry();
    },
    retryDelayMs(failedPasses, firstRetryMs),
  );
  (retryTimer as { unref?: () => void }).unref?.();
}

/** A retry: when the server did not answer last time, ask it first (its answer flushes, see above). */
async function retry(): Promise<void> {
  if (serverReachable()) return flush();
  await probe();
  if (!serverReachable()) {
    failedPasses += 1;
    scheduleRetry();
  }
}

/** Stores an item for later sending and tries to send it straight away when online. */
export async function enqueue(
  kind: QueueKind,
  payload: Record<string, unknown> & { id: string },
): Promise<void> {
  const existing = await db().get(payload.id);
  if (!existing) {
    await db().put({
      id: payload.id,
      kind,
      payload,
      state: 'pending',
      createdAt: new Date().toISOString(),
      error: null,
    });
  }
  await refreshPending();
  if (status.online) void flush();
}

export function registerSender(kind: QueueKind, send: Sender): void {
  senders.set(kind, send);
  if (status.pending > 0 && status.online) void flush();
}

/** Sends every pending item whose kind has a sender. One flush at a time; a call during a flush
 * schedules another pass. A thrown sender (network down) leaves its items pending. */
export function flush(): Promise<void> {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    setStatus({ syncing: true });
    let failed = false;
    try {
      // A call during the pass asks for another; not after a failed one (the retry comes later).
      do {
        again = false;
        failed = (await flushOnce()) || failed;
      } while (again && !failed);
    } finally {
      flushing = null;
      setStatus({ syncing: false });
      const left = await refreshPending();
      if (failed && left > 0) {
        failedPasses += 1;
        scheduleRetry();
      } else if (!failed) {
        failedPasses = 0;
        cancelRetry();
      }
    }
  })();
  return flushing;
}

/** One pass over the pending items; true when a send threw (the network or the server is down). */
async function flushOnce(): Promise<boolean> {
  const items = await db().list('pending');
  const byKind = new Map<string, StoredItem[]>();
  for (const it of items) byKind.set(it.kind, [...(byKind.get(it.kind) ?? []), it]);
  let sentAny = false;
  let failed = false;
  for (const [kind, list] of byKind) {
    const send = senders.get(kind);
    if (!send) continue;
    for (let i = 0; i < list.length; i += BATCH_SIZE) {
      const chunk = list.slice(i, i + BATCH_SIZE);
      let result: Awaited<ReturnType<Sender>>;
      try {
        result = await send(chunk.map((it) => ({ id: it.id, payload: it.payload })));
      } catch {
        failed = true;
        break; // offline or server down: keep the items, retry soon (scheduleRetry)
      }
      sentAny = true;
      for (const id of result.done) await db().delete(id);
      for (const r of result.rejected) {
        const it = chunk.find((c) => c.id === r.id);
        if (it) await db().put({ ...it, state: 'rejected', error: serialisable(r.error) });
      }
    }
  }
  if (sentAny) setStatus({ lastSyncAt: new Date().toISOString() });
  return failed;
}

function serialisable(error: unknown): unknown {
  if (error instanceof Error) return { message: error.message };
  try {
    return JSON.parse(JSON.stringify(error ?? null)) as unknown;
  } catch {
    return { message: String(error) };
  }
}

/** Number of items still waiting to be sent (optionally of one kind). */
export async function pending(kind?: QueueKind): Promise<number> {
  if (!kind) return db().count('pending');
  return (await db().list('pending')).filter((it) => it.kind === kind).length;
}

/** Items the server refused, with its error, for display. */
export async function rejectedItems(kind?: QueueKind): Promise<RejectedItem[]> {
  return (await db().list('rejected'))
    .filter((it) => !kind || it.kind === kind)
    .map(({ id, kind: k, payload, error, createdAt }) => ({
      id,
      kind: k,
      payload,
      error,
      createdAt,
    }));
}

/** The user acknowledged a rejected item: remove it. */
export async function dismissRejected(id: string): Promise<void> {
  const it = await db().get(id);
  if (it?.state === 'rejected') await db().delete(id);
  for (const l of listeners) l();
}

/** Wires the queue to the browser: flush on `online`, at start, and every 30 s while pending. */
export function startOfflineQueue(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => {
    browserOnline = true;
    // The browser says the network is back: believe it until a request says otherwise.
    reportReachable(true);
    setStatus({ online: true });
    void flush();
  });
  window.addEventListener('offline', () => {
    browserOnline = false;
    cancelRetry();
    setStatus({ online: false });
  });
  void refreshPending().then(() => flush());
}

/** The queue's status now, and a way to be told when it changes (for the pages' status lines). */
export function queueStatus(): QueueStatus {
  return status;
}

export function onQueueStatus(listener: () => void): () => void {
  listeners.add(listener);
  void refreshPending().catch(() => undefined);
  return () => {
    listeners.delete(listener);
  };
}
