import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { prepared } from '../../test-support/test-db';
import { actorForToken, createSession, forgetAllActors } from './sessions';

/**
 * Issue #11: a session's once-a-minute slide acknowledges nothing, so it must not cost a disk flush
 * of its own (a citizen's first request after a minute paid one, outside the check-in group commit).
 * The embedded database runs durable here (a data folder, PostgreSQL's flushes reaching the host's
 * fdatasync, in this process), and the host flush calls are counted around each step. The setting
 * is the slide's transaction's own: the next write flushes as before.
 */
describe('session slide without a flush of its own (pglite, durable)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-slide-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('slides the session with no host flush, and the next write still flushes', async () => {
    const db = await prepared(await openDatabase({ databaseUrl: undefined, dataDir: dir }));
    try {
      const [account] = await db.query<{ id: string }>(
        `insert into accounts (kind, phone, display_name, role) values ('citizen', '+84900000001', 'x', 'citizen')
         returning id`,
      );
      const { token } = await createSession(db, account!.id, 'citizen');
      await db.query(
        `update sessions set last_seen_at = now() - interval '2 hours', expires_at = now() + interval '1 day'
          where account_id = $1`,
        [account!.id],
      );
      forgetAllActors();

      let flushes = 0;
      const { fdatasyncSync, fsyncSync } = fs;
      fs.fdatasyncSync = (fd) => (flushes++, fdatasyncSync(fd));
      fs.fsyncSync = (fd) => (flushes++, fsyncSync(fd));
      try {
        const actor = await actorForToken(db, token);
        assert.equal(actor && 'accountId' in actor ? actor.accountId : null, account!.id);
        assert.equal(flushes, 0, 'the slide waited for a disk flush');
        const [s] = await db.query<{ days: number; setting: string }>(
          `select extract(epoch from expires_at - now()) / 86400 as days,
                  current_setting('synchronous_commit') as setting
             from sessions where account_id = $1`,
          [account!.id],
        );
        assert.ok(s!.days > 29.9, `slid to 30 days, got ${s!.days}`);
        assert.equal(s!.setting, 'on');
        await db.query(`update accounts set display_name = 'y' where id = $1`, [account!.id]);
        assert.ok(flushes > 0, 'an ordinary write after the slide flushed nothing');
      } finally {
        fs.fdatasyncSync = fdatasyncSync;
        fs.fsyncSync = fsyncSync;
      }
    } finally {
      await db.close();
    }
  });
});
