// Citizen corrections (issue #12 §5): a missing or wrong dose reported with evidence, reviewed by the
// commune officer or the site's vaccinator, accepted (a 'correction' dose, the certificate revoked and
// reissued) or rejected with a reason; hotline filing; jurisdiction; evidence bounds.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { decodeHcert } from '@phongdich/dcc';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen, SITE_ORIGIN } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { registerCorrectionCandidateSource } from './vaccination.corrections.candidates';
import { dropDecidedEvidence } from './vaccination.corrections.retention';
import { createPerson, createSiteWithSlot, doseBody } from './vaccination.fixtures';

let phoneSeq = 0;
const nextPhone = () => `09${String(23000000 + ((phoneSeq++ * 7919) % 76000000)).padStart(8, '0')}`;
const e164 = (p: string) => `+84${p.slice(1)}`;
// The first bytes of a real PNG (signature + IHDR), enough for the sniffer and a viewer's header check.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const daysAgo = (n: number) => new Date(Date.now() - n * 864e5).toISOString().slice(0, 10);

for (const target of dbTargets()) {
  describe(`vaccination corrections (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const file = (headers: object, body: object) =>
      app.inject({
        method: 'POST',
        url: '/api/vaccination/corrections',
        headers: headers as never,
        payload: body,
      });
    const missing = (personId: string, extra: object = {}) => ({
      clientId: randomUUID(),
      personId,
      kind: 'missing',
      productMp: 'EU/1/21/1529',
      doseDate: daysAgo(90),
      siteText: 'Bệnh viện Bạch Mai',
      evidence: { contentType: 'image/png', content: PNG.toString('base64') },
      ...extra,
    });
    const verify = async (hc1: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/certificates/verify',
          headers: { origin: SITE_ORIGIN },
          payload: { hc1 },
        })
      ).json();

    it('a citizen reports a missing dose; the commune officer accepts; the dose, numbers and certificate follow', async () => {
      const { site, lot, vaccinator } = await createSiteWithSlot(app, db);
      const phone = nextPhone();
      const personId = await createPerson(db, { phone: e164(phone), birthYear: 1980 });
      // A dose on record today (with its certificate); the citizen's first dose, 90 days ago, is missing.
      const given = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: doseBody({ personId, siteId: site.id, lotId: lot.id }),
      });
      assert.equal(given.statusCode, 201, given.body);
      const citizen = (await signInCitizen(app, phone)).headers;
      const mine = async () =>
        (await app.inject({ method: 'GET', url: '/api/vaccination/mine', headers: citizen })).json()[0];
      const before = await mine();
      assert.equal(before.doses.length, 1);
      const oldCert = before.certificate.hc1 as string;

      const clientId = randomUUID();
      const filed = await file(citizen, missing(personId, { clientId }));
      assert.equal(filed.statusCode, 201, filed.body);
      const c = filed.json().correction;
      assert.equal(c.status, 'pending');
      assert.equal(c.filedVia, 'citizen');
      assert.equal(c.evidence.length, 1);
      const retried = await file(citizen, missing(personId, { clientId }));
      assert.equal(retried.statusCode, 200, 'a retried filing answers with the request kept');
      assert.equal(retried.json().correction.id, c.id);

      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const list = await app.inject({ method: 'GET', url: '/api/vaccination/corrections', headers: officer });
      assert.ok(list.json().items.some((i: { id: string }) => i.id === c.id));
      registerCorrectionCandidateSource('test-import-rows', async (_q, query) => [
        {
          source: '',
          id: 'row-17',
          productMp: query.productMp,
          date: query.doseDate,
          siteName: 'BV Bạch Mai',
          detail: 'unmatched row',
        },
      ]);
      const review = await app.inject({
        method: 'GET',
        url: `/api/vaccination/corrections/${c.id}`,
        headers: officer,
      });
      assert.equal(review.statusCode, 200, review.body);
      assert.equal(review.json().doses.length, 1, 'the dose on record beside the request');
      assert.deepEqual(
        review.json().candidates.map((x: { source: string; id: string }) => [x.source, x.id]),
        [['test-import-rows', 'row-17']],
      );

      const evidence = await app.inject({
        method: 'GET',
        url: `/api/vaccination/corrections/${c.id}/evidence/${c.evidence[0].id}`,
        headers: officer,
      });
      assert.equal(evidence.statusCode, 200);
      assert.equal(evidence.headers['content-type'], 'image/png');
      assert.match(
        String(evidence.headers['content-disposition']),
        /^attachment; filename="minh-chung\.png"$/,
      );
      assert.deepEqual(evidence.rawPayload, PNG);

      const accepted = await app.inject({
        method: 'POST',
        url: `/api/vaccination/corrections/${c.id}/accept`,
        headers: officer,
        payload: {},
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json().correction.status, 'accepted');
      assert.ok(accepted.json().certificate.uvci);
      const again = await app.inject({
        method: 'POST',
        url: `/api/vaccination/corrections/${c.id}/accept`,
        headers: officer,
        payload: {},
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'CORRECTION_ALREADY_DECIDED');

      const after = await mine();
      assert.deepEqual(
        after.doses.map((d: { doseNumber: number; source: string }) => [d.doseNumber, d.source]),
        [
          [1, 'correction'],
          [2, 'site'],
        ],
        'the found dose comes first and the numbers follow the dates',
      );
      assert.equal((await verify(oldCert)).reason, 'REVOKED', 'the certificate it replaces is revoked');
      const fresh = await verify(after.certificate.hc1);
      assert.equal(fresh.valid, true, JSON.stringify(fresh));
      assert.equal(decodeHcert(after.certificate.hc1).payload.v![0]!.dn, 2);
      const events = await db.query<{ payload: { source: string } }>(
        `select payload from domain_events where type = 'vaccination.dose_recorded' and payload->>'personId' = $1`,
        [personId],
      );
      assert.deepEqual(events.map((e) => e.payload.source).sort(), ['correction', 'site']);
      const mineList = await app.inject({
        method: 'GET',
        url: '/api/vaccination/corrections/mine',
        headers: citizen,
      });
      assert.deepEqual(
        mineList.json().items[0].history.map((h: { action: string }) => h.action),
        ['filed', 'accepted'],
      );
      const audit = await db.query<{ action: string }>(
        `select action from audit_log where person_id = $1 and action like 'vaccination.correction.%' order by id`,
        [personId],
      );
      assert.ok(audit.some((a) => a.action === 'vaccination.correction.accept'));
      assert.ok(audit.some((a) => a.action === 'vaccination.correction.evidence.read'));

      // Retention: the evidence bytes go 180 days after the decision, the request and its history stay.
      assert.equal(await dropDecidedEvidence(db, new Date(Date.now() + 179 * 864e5)), 0);
      assert.ok((await dropDecidedEvidence(db, new Date(Date.now() + 181 * 864e5))) >= 1);
      const gone = await app.inject({
        method: 'GET',
        url: `/api/vaccination/corrections/${c.id}/evidence/${c.evidence[0].id}`,
        headers: officer,
      });
      assert.equal(gone.statusCode, 404);
    });

    it('a wrong dose is voided and replaced; a rejection keeps the reason the citizen reads', async () => {
      const { site, lot, vaccinator } = await createSiteWithSlot(app, db);
      const phone = nextPhone();
      const personId = await createPerson(db, { phone: e164(phone) });
      const given = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: doseBody({ personId, siteId: site.id, lotId: lot.id }),
      });
      const citizen = (await signInCitizen(app, phone)).headers;
      const wrong = await file(citizen, {
        ...missing(personId),
        kind: 'wrong',
        doseId: given.json().dose.id,
        productMp: 'EU/1/20/1528',
        doseDate: daysAgo(0),
        siteId: site.id,
      });
      assert.equal(wrong.statusCode, 201, wrong.body);
      // The site's own vaccinator reviews requests naming the site.
      const ok = await app.inject({
        method: 'POST',
        url: `/api/vaccination/corrections/${wrong.json().correction.id}/accept`,
        headers: vaccinator,
        payload: { reason: 'sổ tiêm ghi Pfizer' },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const doses = (
        await app.inject({ method: 'GET', url: '/api/vaccination/mine', headers: citizen })
      ).json()[0].doses;
      assert.deepEqual(
        doses.map((d: { productMp: string; source: string }) => [d.productMp, d.source]),
        [['EU/1/20/1528', 'correction']],
      );

      const second = await file(citizen, missing(personId, { doseDate: daysAgo(40) }));
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const rejected = await app.inject({
        method: 'POST',
        url: `/api/vaccination/corrections/${second.json().correction.id}/reject`,
        headers: officer,
        payload: { reason: 'Không có tên trong danh sách của bệnh viện' },
      });
      assert.equal(rejected.statusCode, 200, rejected.body);
      const mine = (
        await app.inject({ method: 'GET', url: '/api/vaccination/corrections/mine', headers: citizen })
      ).json();
      const r = mine.items.find((i: { id: string }) => i.id === second.json().correction.id);
      assert.equal(r.status, 'rejected');
      assert.equal(r.decisionReason, 'Không có tên trong danh sách của bệnh viện');
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/vaccination/mine', headers: citizen })).json()[0].doses
          .length,
        1,
        'a rejection writes no dose',
      );
    });

    it('jurisdiction: officers of another area and other sites’ vaccinators neither see nor decide; other citizens are refused', async () => {
      const phone = nextPhone();
      const personId = await createPerson(db, { phone: e164(phone) });
      const citizen = (await signInCitizen(app, phone)).headers;
      const c = (await file(citizen, missing(personId))).json().correction;
      const far = (await signInAs(app, db, { role: 'province_officer', unitCode: '79' })).headers;
      const list = await app.inject({ method: 'GET', url: '/api/vaccination/corrections', headers: far });
      assert.ok(!list.json().items.some((i: { id: string }) => i.id === c.id));
      for (const url of [
        `/api/vaccination/corrections/${c.id}`,
        `/api/vaccination/corrections/${c.id}/evidence/${c.evidence[0].id}`,
      ])
        assert.equal((await app.inject({ method: 'GET', url, headers: far })).statusCode, 403, url);
      const decide = await app.inject({
        method: 'POST',
        url: `/api/vaccination/corrections/${c.id}/accept`,
        headers: far,
        payload: {},
      });
      assert.equal(decide.statusCode, 403);
      const { vaccinator } = await createSiteWithSlot(app, db);
      assert.equal(
        (
          await app.inject({
            method: 'GET',
            url: `/api/vaccination/corrections/${c.id}`,
            headers: vaccinator,
          })
        ).statusCode,
        403,
        'a vaccinator of a site the request does not name',
      );
      const otherPhone = nextPhone();
      await createPerson(db, { phone: e164(otherPhone) });
      const other = (await signInCitizen(app, otherPhone)).headers;
      assert.equal((await file(other, missing(personId))).statusCode, 403, 'not their family');
      assert.equal(
        (
          await app.inject({
            method: 'GET',
            url: `/api/vaccination/corrections/${c.id}/evidence/${c.evidence[0].id}`,
            headers: other,
          })
        ).statusCode,
        403,
      );
    });

    it('hotline staff file for a caller of their area, not beyond it', async () => {
      const hotline = (await signInAs(app, db, { role: 'hotline_operator', unitCode: '01' })).headers;
      const caller = await createPerson(db);
      const filed = await file(hotline, missing(caller, { evidence: undefined }));
      assert.equal(filed.statusCode, 201, filed.body);
      assert.equal(filed.json().correction.filedVia, 'hotline');
      const southern = await createPerson(db, { communeCode: '26734' });
      await db.query(`update persons set district_code = '760', province_code = '79' where id = $1`, [
        southern,
      ]);
      assert.equal((await file(hotline, missing(southern))).statusCode, 403);
    });

    it('evidence is bounded and sniffed: a file that is not the photo or PDF it claims is refused and nothing is kept', async () => {
      const phone = nextPhone();
      const personId = await createPerson(db, { phone: e164(phone) });
      const citizen = (await signInCitizen(app, phone)).headers;
      const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
      for (const evidence of [
        { contentType: 'image/png', content: html },
        { contentType: 'application/pdf', content: PNG.toString('base64') },
      ]) {
        const res = await file(citizen, missing(personId, { evidence }));
        assert.equal(res.statusCode, 415, res.body);
        assert.equal(res.json().error.code, 'CORRECTION_EVIDENCE_INVALID');
      }
      const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]).toString('base64');
      const tooBig = await file(
        citizen,
        missing(personId, { evidence: { contentType: 'image/png', content: big } }),
      );
      // Over 5 MB: refused at the edge by the schema's bound on the base64 text (400, field named).
      assert.equal(tooBig.statusCode, 400, tooBig.body.slice(0, 200));
      assert.equal(tooBig.json().error.details[0].field, 'body.evidence.content');
      const kept = await db.query('select 1 from vaccination_corrections where person_id = $1', [personId]);
      assert.equal(kept.length, 0);
      const unknown = await file(citizen, missing(personId, { productMp: 'NOT/A/PRODUCT' }));
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.details[0].field, 'productMp');
    });
  });
}
