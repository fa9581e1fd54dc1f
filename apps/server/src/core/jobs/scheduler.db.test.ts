import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../db/db';
import { Scheduler, type JobLog } from './scheduler';

class RecordingLog implements JobLog {
  lines: { level: string; msg: string; obj: object }[] = [];
  error(obj: object, msg: string): void {
    this.lines.push({ level: 'error', msg, obj });
  }
  info(obj: object, msg: string): void {
    this.lines.push({ level: 'info', msg, obj });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const target of dbTargets()) {
  describe(`scheduled jobs (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('runs never overlap, and a run asked for while one waits is that same run', async () => {
      const jobs = new Scheduler(db, new RecordingLog());
      let active = 0;
      let most = 0;
      let runs = 0;
      const job = jobs.add({
        name: 'slow',
        everyMs: 60_000,
        run: async () => {
          active++;
          most = Math.max(most, active);
          await sleep(30);
          runs++;
          active--;
        },
      });
      const first = job.runNow();
      await sleep(5); // the first run is under way
      await Promise.all([first, job.runNow(), job.runNow(), job.runNow()]);
      assert.equal(most, 1);
      assert.equal(runs, 2, 'the one running, and one more for everyone who asked meanwhile');
      await jobs.stop();
    });

    it('logs a failure once per streak, and the recovery', async () => {
      const log = new RecordingLog();
      const jobs = new Scheduler(db, log);
      const outcomes = [false, false, false, true, false];
      const job = jobs.add({
        name: 'flaky',
        everyMs: 60_000,
        run: async () => {
          if (!outcomes.shift()) throw new Error('down');
        },
      });
      for (let i = 0; i < 5; i++) await job.runNow();
      assert.deepEqual(
        log.lines.map((l) => `${l.level} ${l.msg}`),
        ['error job failed', 'info job recovered', 'error job failed'],
      );
      assert.deepEqual(log.lines[0]!.obj, { job: 'flaky', err: { name: 'Error', message: 'down' } });
      await jobs.stop();
    });

    it('start awaits the jobs that must run first; stop ends the timers and runs the finals last', async () => {
      const jobs = new Scheduler(db, new RecordingLog());
      const seen: string[] = [];
      jobs.add({
        name: 'prepare',
        everyMs: 60_000,
        atStart: 'await',
        run: async () => {
          await sleep(20);
          seen.push('prepared');
        },
      });
      let ticks = 0;
      jobs.add({
        name: 'tick',
        everyMs: 10,
        run: async () => {
          ticks++;
        },
        final: async () => {
          seen.push('final');
        },
      });
      await jobs.start();
      assert.deepEqual(seen, ['prepared']);
      await sleep(100);
      assert.ok(ticks >= 2, `the timer ran (${ticks})`);
      await jobs.stop();
      const after = ticks;
      await sleep(60);
      assert.equal(ticks, after, 'no run after stop');
      assert.deepEqual(seen, ['prepared', 'final']);
      assert.throws(() => jobs.add({ name: 'tick', everyMs: 1, run: async () => {} }), /twice/);
    });

    it('a job with a lock runs on one server at a time (PostgreSQL; PGlite has one process)', async () => {
      const servers = [new Scheduler(db, new RecordingLog()), new Scheduler(db, new RecordingLog())];
      let active = 0;
      let most = 0;
      let runs = 0;
      const handles = servers.map((s) =>
        s.add({
          name: 'locked',
          everyMs: 60_000,
          lock: 727999,
          run: async () => {
            active++;
            most = Math.max(most, active);
            await sleep(100);
            runs++;
            active--;
          },
        }),
      );
      await Promise.all(handles.map((h) => h.runNow()));
      if (db.kind === 'postgres') {
        assert.equal(most, 1);
        assert.equal(runs, 1, 'the other server skipped its round');
      } else assert.equal(runs, 2);
      await Promise.all(servers.map((s) => s.stop()));
    });
  });
}
