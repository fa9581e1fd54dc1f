import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { peopleMeService } from './people.me.service';
import { peopleReadService } from './people.service';
import { peopleWriteService } from './people.write.service';
import { auditRows, cccdFor, citizen, ctx, input, staff } from './people.fixtures';

const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

for (const target of dbTargets()) {
  describe(`citizen self and family (${target.name})`, () => {
    let db: Db;
    let me: ReturnType<typeof peopleMeService>;
    let read: ReturnType<typeof peopleReadService>;
    before(async () => {
      db = await target.open();
      me = peopleMeService(db);
      read = peopleReadService(db);
    });
    after(async () => db.close());

    it('finds the record carrying the signed-in phone and links the account', async () => {
      const officer = staff('commune_officer', '00001');
      const own = (await peopleWriteService(db).create(ctx(officer), input({ phones: ['0933111222'] }))).body;
      const c = await citizen(db, '+84933111222');
      const res = await me.get(ctx(c));
      assert.equal(res.person?.id, own.id);
      assert.equal(res.person?.masked, false);
      const linked = await db.query<{ person_id: string }>('select person_id from accounts where id = $1', [
        c.accountId,
      ]);
      assert.equal(linked[0]!.person_id, own.id);
      await assert.rejects(me.createOwn(ctx(c), input()), isCode('CONFLICT'));
    });

    it('creates its own record, declares family, and reads only those records', async () => {
      const c = await citizen(db, '+84944000111');
      assert.deepEqual(await me.get(ctx(c)), { person: null, family: [] });
      await assert.rejects(
        me.addFamily(ctx(c), { ...input({ fullName: 'Bé Na' }), relation: 'con' }),
        isCode('CONFLICT'),
      );
      const own = await me.createOwn(ctx(c), input({ fullName: 'Hoàng Văn Tư', phones: [] }));
      assert.deepEqual(own.phones, ['+84944000111']);
      const child = (
        await me.addFamily(
          ctx(c),
          { ...input({ fullName: 'Hoàng Bảo Na', birthDate: '2015-06-01', sex: 'female' }), relation: 'con' },
          'fam-1',
        )
      ).body;
      const replay = await me.addFamily(
        ctx(c),
        { ...input({ fullName: 'Hoàng Bảo Na', birthDate: '2015-06-01', sex: 'female' }), relation: 'con' },
        'fam-1',
      );
      assert.equal(replay.replayed, true);
      assert.equal(replay.body.id, child.id);

      const mine = await me.get(ctx(c));
      assert.equal(mine.person?.id, own.id);
      assert.deepEqual(mine.person?.family, [{ id: child.id, fullName: 'Hoàng Bảo Na', relation: 'con' }]);
      assert.deepEqual(
        mine.family.map((p) => [p.id, p.masked]),
        [[child.id, false]],
      );

      const linked = { ...c, personId: own.id };
      assert.equal((await read.get(ctx(linked), child.id)).masked, false);
      assert.equal((await read.get(ctx(c), own.id)).fullName, 'Hoàng Văn Tư');
      const stranger = await citizen(db, '+84955000222');
      await assert.rejects(read.get(ctx(stranger), own.id), isCode('PERSON_NOT_FOUND'));
      const someoneElse = (
        await peopleWriteService(db).create(
          ctx(staff('commune_officer', '00001')),
          input({ fullName: 'Người Lạ' }),
        )
      ).body;
      await assert.rejects(read.get(ctx(c), someoneElse.id), isCode('PERSON_NOT_FOUND'));
      assert.ok((await auditRows(db, 'person.read', child.id)).some((r) => r.details.as === 'citizen'));
      assert.equal((await auditRows(db, 'person.create', child.id))[0]?.details.familyOf, own.id);
    });

    it('answers a citizen registering with a taken ID number as with a free one (nothing revealed)', async () => {
      const officer = staff('commune_officer', '00001');
      const taken = cccdFor(1990, 'male');
      await peopleWriteService(db).create(ctx(officer), input({ fullName: 'Chủ Số Thật', cccd: taken }));
      const free = cccdFor(1990, 'male');
      const a = await citizen(db, '+84957123401');
      const b = await citizen(db, '+84957123402');
      const withFree = await me.createOwn(ctx(a), input({ cccd: free }));
      const withTaken = await me.createOwn(ctx(b), input({ cccd: taken }));
      const shape = (p: typeof withFree) => ({
        ...p,
        id: '',
        phones: [],
        createdAt: '',
        updatedAt: '',
        cccd: p.cccd === null ? null : 'set',
      });
      assert.deepEqual(shape(withTaken), shape(withFree), 'the same answer either way');
      assert.equal(withTaken.cccd, taken, 'the citizen sees what they typed');
      assert.deepEqual((await me.get(ctx(b))).person?.cccd, taken);
      // The number stays with its holder; the claim waits in the new record's history for an officer.
      const holders = await db.query<{ full_name: string }>('select full_name from persons where cccd = $1', [
        taken,
      ]);
      assert.deepEqual(
        holders.map((h) => h.full_name),
        ['Chủ Số Thật'],
      );
      const claims = await db.query<{ changes: { claimed: { cccd: string }; status: string } }>(
        `select changes from person_history where person_id = $1 and kind = 'identity_claim'`,
        [withTaken.id],
      );
      assert.deepEqual(
        claims.map((c) => [c.changes.claimed.cccd, c.changes.status]),
        [[taken, 'pending']],
      );
    });

    it('a registration retried with its Idempotency-Key after a lost answer gets the same record', async () => {
      const c = await citizen(db, '+84957123499');
      const first = await me.createOwn(ctx(c), input({ fullName: 'Đinh Văn Lại' }), 'own-1');
      const retry = await me.createOwn(ctx(c), input({ fullName: 'Đinh Văn Lại' }), 'own-1');
      assert.equal(retry.id, first.id);
      await assert.rejects(me.createOwn(ctx(c), input({ fullName: 'Đinh Văn Lại' })), isCode('CONFLICT'));
      const mine = await db.query<{ n: number }>(
        `select count(*)::int as n from persons where $1 = any(phones)`,
        ['+84957123499'],
      );
      assert.equal(mine[0]!.n, 1);
    });

    it('staff have no citizen self-service', async () => {
      await assert.rejects(me.get(ctx(staff('commune_officer', '00001'))), isCode('FORBIDDEN'));
    });
  });
}
