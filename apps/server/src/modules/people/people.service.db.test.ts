import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { peopleReadService } from './people.service';
import { peopleWriteService } from './people.write.service';
import { auditRows, cccdFor, ctx, input, staff } from './people.fixtures';

const phucXa = staff('commune_officer', '00001');
const hanoi = staff('province_officer', '01');
const hcmc = staff('province_officer', '79');

const rejectsWith = (code: string, fields?: string[]) => (err: unknown) => {
  assert.ok(err instanceof AppError, String(err));
  assert.equal(err.code, code);
  if (fields)
    assert.deepEqual(
      err.details?.map((d) => `${d.field}:${d.code}`),
      fields,
    );
  return true;
};

for (const target of dbTargets()) {
  describe(`people service (${target.name})`, () => {
    let db: Db;
    let read: ReturnType<typeof peopleReadService>;
    let write: ReturnType<typeof peopleWriteService>;
    let an: { id: string; cccd: string };
    before(async () => {
      db = await target.open();
      read = peopleReadService(db);
      write = peopleWriteService(db);
      const cccd = cccdFor(1990, 'male');
      const res = await write.create(
        ctx(phucXa),
        input({ cccd, phones: ['0912 345 678'], bhyt: 'dn4017912345678' }),
      );
      an = { id: res.body.id, cccd };
      await write.create(
        ctx(hanoi),
        input({ fullName: 'Đặng Thị Bình', birthDate: '1985-01-02', sex: 'female', communeCode: '00004' }),
      );
      await write.create(
        ctx(hcmc),
        input({
          fullName: 'Nguyễn Văn Anh',
          birthDate: '1991-05-05',
          communeCode: '26734',
          phones: ['0987654321'],
        }),
      );
    });
    after(async () => db.close());

    it('creates a normalised record with district and province from the commune', async () => {
      const p = await read.get(ctx(phucXa), an.id);
      assert.equal(p.masked, false);
      assert.equal(p.fullName, 'Nguyễn Văn An');
      assert.deepEqual(p.phones, ['+84912345678']);
      assert.equal(p.bhyt, 'DN4017912345678');
      assert.deepEqual(
        [p.birthYear, p.communeCode, p.districtCode, p.provinceCode],
        [1990, '00001', '001', '01'],
      );
      assert.match(p.communeName ?? '', /Phúc Xá/);
      assert.equal((await auditRows(db, 'person.create', an.id)).length, 1);
    });

    it('reports every invalid field at once', async () => {
      await assert.rejects(
        write.create(
          ctx(phucXa),
          input({
            cccd: '001190001234',
            cmnd: '123',
            bhyt: 'ZZ1017912345678',
            phones: ['12345'],
            communeCode: '99999',
          }),
        ),
        rejectsWith('VALIDATION_FAILED', [
          'cccd:CCCD_CENTURY_SEX',
          'cmnd:CMND_FORMAT',
          'bhyt:BHYT_GROUP',
          'phones.0:PHONE_FORMAT',
          'communeCode:COMMUNE_NOT_FOUND',
        ]),
      );
      await assert.rejects(
        write.create(ctx(phucXa), input({ birthDate: null })),
        rejectsWith('VALIDATION_FAILED', ['birthYear:BIRTH_REQUIRED']),
      );
    });

    it('refuses a second record with the same CCCD (409 with the existing id)', async () => {
      await assert.rejects(
        write.create(ctx(phucXa), input({ cccd: an.cccd, fullName: 'Người Khác' })),
        (err) => {
          rejectsWith('DUPLICATE_PERSON')(err);
          assert.deepEqual((err as AppError).details?.[0], {
            ...(err as AppError).details![0],
            field: 'existingId',
            code: an.id,
          });
          return true;
        },
      );
    });

    it('refuses creation outside the jurisdiction', async () => {
      await assert.rejects(
        write.create(ctx(phucXa), input({ communeCode: '26734', fullName: 'Lê Văn C' })),
        rejectsWith('FORBIDDEN'),
      );
    });

    it('searches names without diacritics within the jurisdiction only', async () => {
      const names = async (actor = phucXa, q = 'nguyen van an') =>
        (await read.search(ctx(actor), { q })).items.map(
          (i) => `${i.fullName}${i.masked ? ' (masked)' : ''}`,
        );
      assert.deepEqual(await names(), ['Nguyễn Văn An']);
      assert.deepEqual(await names(hanoi, 'dang'), ['Đặng Thị Bình']);
      assert.deepEqual(await names(phucXa, 'dang'), []);
      assert.deepEqual(await names(hcmc), ['Nguyễn Văn Anh']);
      assert.deepEqual(await names(staff('national_admin', null)), ['Nguyễn Văn An', 'Nguyễn Văn Anh']);
      const audit = await auditRows(db, 'person.search');
      const last = audit[audit.length - 1]!;
      assert.deepEqual(last.details.filters, ['q']);
      assert.ok(!JSON.stringify(last.details).includes('nguyen'), 'search terms stay out of the audit');
    });

    it('finds by exact id number or phone across jurisdictions, masked outside', async () => {
      const byId = await read.search(ctx(hcmc), { idNumber: ` ${an.cccd} ` });
      assert.equal(byId.items.length, 1);
      assert.deepEqual(byId.items[0], {
        id: an.id,
        fullName: 'N*** V** A*',
        birthYear: 1990,
        sex: 'male',
        communeCode: '00001',
        communeName: byId.items[0]!.communeName,
        masked: true,
        idHint: `*********${an.cccd.slice(-3)}`,
      });
      const byPhone = await read.search(ctx(hcmc), { phone: '+84 912 345 678' });
      assert.deepEqual(
        byPhone.items.map((i) => i.id),
        [an.id],
      );
      const byBhyt = await read.search(ctx(phucXa), { idNumber: 'DN4017912345678' });
      assert.deepEqual(
        byBhyt.items.map((i) => [i.id, i.masked]),
        [[an.id, false]],
      );
    });

    it('pages with a keyset cursor', async () => {
      const admin = staff('national_admin', null);
      const first = await read.search(ctx(admin), { q: 'nguyen', limit: 1 });
      assert.equal(first.items.length, 1);
      assert.ok(first.nextCursor);
      const second = await read.search(ctx(admin), { q: 'nguyen', limit: 1, cursor: first.nextCursor! });
      assert.equal(second.items.length, 1);
      assert.notEqual(second.items[0]!.id, first.items[0]!.id);
      assert.equal(second.nextCursor, null);
    });

    it('citizens cannot search', async () => {
      await assert.rejects(
        read.search(ctx({ kind: 'citizen', accountId: 'x', personId: null, role: 'citizen' }), {
          q: 'nguyen',
        }),
        rejectsWith('FORBIDDEN'),
      );
    });

    it('shows a record masked outside the jurisdiction and audits the view', async () => {
      const p = await read.get(ctx(hcmc), an.id);
      assert.equal(p.masked, true);
      assert.equal(p.canBreakGlass, true);
      assert.equal(p.fullName, 'N*** V** A*');
      assert.equal(p.birthDate, null);
      assert.equal(p.street, null);
      assert.deepEqual(p.phones, ['+84*****5678']);
      assert.equal(p.cccd, `*********${an.cccd.slice(-3)}`);
      const views = (await auditRows(db, 'person.read', an.id)).map((r) => r.details.view);
      assert.ok(views.includes('masked') && views.includes('full'));
    });

    it('breaks the glass only with a reason, and audits it', async () => {
      await assert.rejects(
        read.breakGlass(ctx(hcmc), an.id, 'vì sao'),
        rejectsWith('BREAK_GLASS_REASON_REQUIRED'),
      );
      assert.equal((await auditRows(db, 'person.breakGlass', an.id)).length, 0);
      const reason = 'Truy vết F1 ca bệnh BN12345 tại TP.HCM';
      const p = await read.breakGlass(ctx(hcmc), an.id, reason);
      assert.equal(p.masked, false);
      assert.equal(p.cccd, an.cccd);
      const rows = await auditRows(db, 'person.breakGlass', an.id);
      assert.deepEqual(
        rows.map((r) => [r.break_glass, r.reason]),
        [[true, reason]],
      );
    });

    it('updates with optimistic concurrency and records history', async () => {
      const before = await read.get(ctx(phucXa), an.id);
      const updated = await write.update(ctx(phucXa), an.id, {
        street: 'Số 2 Phó Đức Chính',
        version: before.version,
      });
      assert.equal(updated.street, 'Số 2 Phó Đức Chính');
      assert.equal(updated.version, before.version + 1);
      await assert.rejects(
        write.update(ctx(phucXa), an.id, { street: 'X', version: before.version }),
        rejectsWith('CONFLICT'),
      );
      await assert.rejects(
        write.update(ctx(hcmc), an.id, { street: 'X', version: updated.version }),
        rejectsWith('FORBIDDEN'),
      );
      const history = await read.history(ctx(phucXa), an.id);
      assert.deepEqual(
        history.items.map((h) => h.kind),
        ['create', 'update'],
      );
      assert.deepEqual(history.items[1]!.changes, {
        street: { from: 'Số 1 Phó Đức Chính', to: 'Số 2 Phó Đức Chính' },
      });
      assert.deepEqual(
        (await auditRows(db, 'person.update', an.id)).map((r) => r.details.fields),
        [['street']],
      );
    });
  });
}
