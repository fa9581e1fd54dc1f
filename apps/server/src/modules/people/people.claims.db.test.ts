import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { peopleClaimsService } from './people.claims.service';
import { peopleMeService } from './people.me.service';
import { peopleWriteService } from './people.write.service';
import { auditRows, cccdFor, citizen, ctx, input, staff } from './people.fixtures';

const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

/**
 * Issue #8 item 1: a citizen's claim of a number another record holds waits for the commune officer
 * of the citizen's area, who sees both records (the holder masked outside their area) and merges,
 * rejects with a reason (the citizen told by SMS, nobody named) or corrects the number; all audited.
 */
for (const target of dbTargets()) {
  describe(`identity claims for the commune officer (${target.name})`, () => {
    let db: Db;
    let claims: ReturnType<typeof peopleClaimsService>;
    const officer = staff('commune_officer', '00001');
    const elsewhere = staff('commune_officer', '00004');
    const hcmc = staff('province_officer', '79');
    before(async () => {
      db = await target.open();
      claims = peopleClaimsService(db);
    });
    after(async () => db.close());

    /** A holder (in `holderCommune`) and a citizen of Phúc Xá claiming its number. */
    async function claim(phone: string, holderCommune = '00001', holderName = 'Lê Văn Chủ') {
      const number = cccdFor(1991, 'male');
      const holder = (
        await peopleWriteService(db).create(
          ctx(staff('national_admin', null)),
          input({ fullName: holderName, birthDate: '1991-05-05', cccd: number, communeCode: holderCommune }),
        )
      ).body;
      const c = await citizen(db, phone);
      const own = await peopleMeService(db).createOwn(
        ctx(c),
        input({ fullName: 'Lê Văn Chủ', birthDate: '1991-05-05', cccd: number }),
      );
      const item = (await claims.list(ctx(officer))).items.find((i) => i.person.id === own.id);
      assert.ok(item, 'the claim is on the officer’s list');
      return { number, holder, own, c, claimId: item.id };
    }

    it('lists claims of the area only, and shows both records side by side', async () => {
      const { number, holder, own, claimId } = await claim('+84961000001');
      assert.deepEqual((await claims.list(ctx(officer))).items.find((i) => i.id === claimId)?.fields, [
        'cccd',
      ]);
      assert.equal(
        (await claims.list(ctx(hcmc))).items.find((i) => i.id === claimId),
        undefined,
      );
      await assert.rejects(claims.get(ctx(hcmc), claimId), isCode('IDENTITY_CLAIM_NOT_FOUND'));
      await assert.rejects(claims.get(ctx(officer), '999999999'), isCode('IDENTITY_CLAIM_NOT_FOUND'));
      const detail = await claims.get(ctx(officer), claimId);
      assert.equal(detail.status, 'pending');
      assert.equal(detail.claimed.cccd, number);
      assert.equal(detail.claimant.id, own.id);
      assert.equal(detail.claimant.cccd, null, 'the number is not on the claimant’s record');
      assert.equal(detail.holder?.id, holder.id);
      assert.equal(detail.holder?.masked, false, 'holder in the officer’s area: in full');
      assert.ok((await auditRows(db, 'person.read', holder.id)).some((r) => r.details.claimId === claimId));
      // A holder in another commune is masked for the Phúc Xá officer.
      const far = await claim('+84961000002', '00004', 'Đỗ Thị Xa');
      const farDetail = await claims.get(ctx(officer), far.claimId);
      assert.equal(farDetail.holder?.masked, true);
      assert.notEqual(farDetail.holder?.fullName, 'Đỗ Thị Xa');
      assert.equal(farDetail.holder?.street, null);
      // …and that officer cannot merge it away (merge needs both records in the area).
      await assert.rejects(
        claims.resolve(ctx(officer), far.claimId, { outcome: 'merge' }),
        isCode('FORBIDDEN'),
      );
      assert.equal((await claims.get(ctx(officer), far.claimId)).status, 'pending', 'nothing half-written');
      assert.equal(
        (await claims.list(ctx(elsewhere))).items.find((i) => i.id === claimId),
        undefined,
        'another commune’s officer does not see it',
      );
    });

    it('merges the citizen’s record into the holder’s; the account follows; a second resolution is a 409', async () => {
      const { holder, own, c, claimId } = await claim('+84961000003');
      const res = await claims.resolve(ctx(officer), claimId, { outcome: 'merge' });
      assert.equal(res.status, 'merged');
      assert.equal(res.person.id, holder.id);
      const linked = await db.query<{ person_id: string }>('select person_id from accounts where id = $1', [
        c.accountId,
      ]);
      assert.equal(linked[0]!.person_id, holder.id);
      assert.equal(
        (await claims.list(ctx(officer))).items.find((i) => i.id === claimId),
        undefined,
      );
      assert.equal((await claims.get(ctx(officer), claimId)).status, 'merged');
      await assert.rejects(
        claims.resolve(ctx(officer), claimId, { outcome: 'reject', reason: 'x' }),
        isCode('IDENTITY_CLAIM_RESOLVED'),
      );
      assert.ok((await auditRows(db, 'person.merge', own.id)).length === 1);
    });

    it('rejects with a reason: the citizen is told by SMS, the other person never named', async () => {
      const { own, c, claimId } = await claim('+84961000004');
      await assert.rejects(
        claims.resolve(ctx(officer), claimId, { outcome: 'reject', reason: 'Số này của ông Lê Văn Chủ' }),
        isCode('VALIDATION_FAILED'),
      );
      const res = await claims.resolve(ctx(officer), claimId, {
        outcome: 'reject',
        reason: 'Căn cước không khớp ảnh',
      });
      assert.equal(res.status, 'rejected');
      const sms = await db.query<{ recipient: string; body: string }>(
        `select recipient, body from outbox_messages where subject = 'identity-claim-rejected' and recipient = $1`,
        ['+84961000004'],
      );
      assert.equal(sms.length, 1);
      assert.match(sms[0]!.body, /can cuoc khong khop anh/i);
      assert.doesNotMatch(sms[0]!.body, /Le Van Chu|Lê Văn Chủ/);
      // The citizen's own view stops showing the number as theirs.
      const mine = await peopleMeService(db).get(ctx({ ...c, personId: own.id }));
      assert.equal(mine.person?.cccd, null);
      assert.ok((await auditRows(db, 'person.update', own.id)).some((r) => r.details.outcome === 'rejected'));
    });

    it('corrects the number on the citizen’s record (the duplicate check still applies)', async () => {
      const { number, own, claimId } = await claim('+84961000005');
      await assert.rejects(
        claims.resolve(ctx(officer), claimId, {
          outcome: 'correct',
          numbers: { cccd: number },
          version: own.version,
        }),
        isCode('DUPLICATE_PERSON'),
      );
      const right = cccdFor(1991, 'male');
      const res = await claims.resolve(ctx(officer), claimId, {
        outcome: 'correct',
        numbers: { cccd: right },
        version: own.version,
      });
      assert.equal(res.status, 'corrected');
      assert.equal(res.person.cccd, right);
      assert.ok(
        (await auditRows(db, 'person.update', own.id)).some((r) => r.details.outcome === 'corrected'),
      );
    });

    it('two officers resolving at once: one resolution, the other 409', async () => {
      const { claimId } = await claim('+84961000006');
      const outcomes = await Promise.allSettled([
        claims.resolve(ctx(officer), claimId, { outcome: 'reject', reason: 'Giấy tờ không rõ' }),
        claims.resolve(ctx(officer), claimId, { outcome: 'merge' }),
      ]);
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
      const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      assert.equal((failed.reason as AppError).code, 'IDENTITY_CLAIM_RESOLVED');
    });
  });
}
