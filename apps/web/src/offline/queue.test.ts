import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IDBFactory } from 'fake-indexeddb';
import { idbStore } from './queue-store';
import {
  dismissRejected,
  enqueue,
  flush,
  pending,
  registerSender,
  rejectedItems,
  resetQueueForTests,
  retryDelayMs,
  queueStatus,
  type Sender,
} from './queue';
import { reportReachable } from './reachability';

let factory: IDBFactory;
const item = (id: string, extra: Record<string, unknown> = {}) => ({ id, venueId: 'v1', ...extra });

describe('offline queue (IndexedDB)', () => {
  beforeEach(() => {
    factory = new IDBFactory();
    resetQueueForTests(idbStore(factory, 'test-queue'));
  });

  it('keeps items until a sender exists, and they survive reopening the database', async () => {
    await enqueue('checkin', item('a'));
    await enqueue('checkin', item('a')); // same id: stored once
    await enqueue('sample', item('b'));
    await flush();
    assert.equal(await pending(), 2);
    assert.equal(await pending('checkin'), 1);
    resetQueueForTests(idbStore(factory, 'test-queue')); // "the browser was closed"
    assert.equal(await pending('checkin'), 1);
  });

  it('sends each item once, even when flushes overlap', async () => {
    const seen: string[] = [];
    const sender: Sender = async (items) => {
      seen.push(...items.map((i) => i.id));
      await new Promise((r) => setTimeout(r, 20));
      return { done: items.map((i) => i.id), rejected: [] };
    };
    await enqueue('checkin', item('a'));
    await enqueue('checkin', item('b'));
    registerSender('checkin', sender);
    await Promise.all([flush(), flush(), flush()]);
    assert.deepEqual(seen.sort(), ['a', 'b']);
    assert.equal(await pending(), 0);
  });

  it('keeps items pending when the sender fails (network down) and sends them later', async () => {
    let up = false;
    registerSender('checkin', async (items) => {
      if (!up) throw new TypeError('Failed to fetch');
      return { done: items.map((i) => i.id), rejected: [] };
    });
    await enqueue('checkin', item('a'));
    await flush();
    assert.equal(await pending(), 1);
    up = true;
    await flush();
    assert.equal(await pending(), 0);
  });

  it('after a failed send tries again soon on its own, then less and less often', async () => {
    resetQueueForTests(idbStore(factory, 'test-queue'), { firstRetryMs: 20 });
    let calls = 0;
    registerSender('checkin', async (items) => {
      calls++;
      if (calls < 3) throw new TypeError('Failed to fetch');
      return { done: items.map((i) => i.id), rejected: [] };
    });
    await enqueue('checkin', item('a'));
    // Nobody calls flush again: the retries (20 ms, then 40 ms) send it, long before the 30 s period.
    const deadline = Date.now() + 3000;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(await pending(), 0);
    assert.equal(calls, 3);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n)),
      [2000, 4000, 8000, 16000, 30000, 30000],
    );
  });

  it('does not keep retrying while the browser says it has no network', async () => {
    resetQueueForTests(idbStore(factory, 'test-queue'), { firstRetryMs: 10, online: false });
    let calls = 0;
    registerSender('checkin', async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    });
    await enqueue('checkin', item('a')); // offline: stored, not sent
    await flush(); // one try (a flush the page asked for)
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(calls, 1);
    assert.equal(await pending(), 1);
  });

  it('says offline when the server does not answer though the browser says online, asks it until it does, then sends', async () => {
    // A Wi-Fi with no internet behind it, or a page the service worker opened with no network.
    let up = false;
    let probes = 0;
    let sends = 0;
    resetQueueForTests(idbStore(factory, 'test-queue'), {
      firstRetryMs: 10,
      probe: async () => {
        probes++;
        reportReachable(up);
      },
    });
    // As api/client.ts does: every request reports whether it reached the server.
    registerSender('checkin', async (items) => {
      sends++;
      reportReachable(up);
      if (!up) throw new TypeError('Failed to fetch');
      return { done: items.map((i) => i.id), rejected: [] };
    });
    await enqueue('checkin', item('a'));
    await flush();
    assert.equal(queueStatus().online, false, 'the status line says offline');
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(probes >= 2, `asked again and again (${probes})`);
    assert.equal(sends, 1, 'no sends while the server does not answer');
    up = true;
    const deadline = Date.now() + 3000;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(await pending(), 0, 'sent once the server answered');
    assert.equal(sends, 2);
    assert.equal(queueStatus().online, true);
  });

  it('keeps refused items with their error until dismissed, never retrying them', async () => {
    let calls = 0;
    registerSender('checkin', async (items) => {
      calls++;
      return { done: [], rejected: items.map((i) => ({ id: i.id, error: { code: 'QR_INVALID' } })) };
    });
    await enqueue('checkin', item('x', { code: 'PD1:P:forged' }));
    await flush();
    await flush();
    assert.equal(calls, 1);
    assert.equal(await pending(), 0);
    const rejected = await rejectedItems('checkin');
    assert.deepEqual(
      rejected.map((r) => [r.id, r.error, (r.payload as { code: string }).code]),
      [['x', { code: 'QR_INVALID' }, 'PD1:P:forged']],
    );
    await dismissRejected('x');
    assert.deepEqual(await rejectedItems(), []);
  });
});
