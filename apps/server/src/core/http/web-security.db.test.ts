import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp, testConfig } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import { createLab, createPerson, createTube } from '../../modules/lab/lab.fixtures';
import type { Db } from '../db/db';

const SITE = testConfig().publicUrl;

function multipart(csv: string): { body: Buffer; type: string } {
  const boundary = '----pd-test-boundary';
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="results.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return { body: Buffer.from(body), type: `multipart/form-data; boundary=${boundary}` };
}

for (const target of dbTargets()) {
  describe(`security headers and cross-site requests (${target.name})`, () => {
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

    it('every answer carries the security headers; HSTS only behind TLS', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      // No inline script; eval only for the offline verifier's schema validation (security-headers.ts).
      assert.match(csp, /script-src 'self' 'unsafe-eval'(;|$)/, 'no inline or foreign script');
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'same-origin');
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.match(String(res.headers['permissions-policy']), /camera=\(self\)/);
      assert.match(String(res.headers['permissions-policy']), /microphone=\(\)/);
      assert.equal(res.headers['strict-transport-security'], undefined, 'not over plain http');
      const docs = await app.inject({ method: 'GET', url: '/docs/static/index.html' });
      assert.match(String(docs.headers['content-security-policy']), /style-src 'self' 'unsafe-inline'/);
      assert.match(String(docs.headers['content-security-policy']), /script-src 'self' 'unsafe-eval'(;|$)/);

      const tls = await buildTestApp(db, { publicUrl: 'https://phongdich.example.vn' });
      try {
        const r = await tls.inject({ method: 'GET', url: '/api/health' });
        assert.match(String(r.headers['strict-transport-security']), /max-age=\d{7,}; includeSubDomains/);
      } finally {
        await tls.close();
      }
    });

    it('personal data is never cached; public keys still are', async () => {
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      for (const req of [
        { method: 'GET' as const, url: '/api/auth/me' },
        { method: 'GET' as const, url: '/api/worklist' },
        { method: 'POST' as const, url: '/api/people/search', payload: { q: 'Nguyễn' } },
      ]) {
        const res = await app.inject({ ...req, headers: officer.headers });
        assert.equal(res.headers['cache-control'], 'no-store', `${req.url} ${res.statusCode}`);
      }
      const errorToo = await app.inject({ method: 'GET', url: '/api/auth/me' });
      assert.equal(errorToo.statusCode, 401);
      assert.equal(errorToo.headers['cache-control'], 'no-store');
      const keys = await app.inject({ method: 'GET', url: '/api/keys/qr' });
      assert.equal(keys.headers['cache-control'], 'public, max-age=300');
    });

    it('a cross-origin multipart upload with the session cookie is refused before it is read', async () => {
      const { labId } = await createLab(db);
      const tech = await signInAs(app, db, { role: 'lab_technician', unitCode: '001', facilityId: labId });
      const tube = await createTube(db, { labId, members: [await createPerson(db)] });
      const { body, type } = multipart(`Mã ống,Kết quả\r\n${tube},Dương tính\r\n`);
      const { cookie } = tech.headers;
      const send = (headers: Record<string, string>) =>
        app.inject({
          method: 'POST',
          url: '/api/lab/uploads',
          headers: { cookie, 'content-type': type, ...headers },
          payload: body,
        });
      for (const headers of [
        { origin: 'https://evil.example' } as Record<string, string>,
        { origin: 'null' },
        { referer: 'https://evil.example/page' },
        {},
      ]) {
        const res = await send(headers);
        assert.equal(res.statusCode, 403, JSON.stringify(headers));
        assert.equal(res.json().error.code, 'ORIGIN_REFUSED');
        assert.match(res.json().error.message.vi, /từ chối/);
      }
      const [n] = await db.query<{ n: number }>('select count(*)::int as n from result_uploads');
      assert.equal(n!.n, 0, 'nothing was processed');

      // The site's own pages (Origin, or Referer when a browser sends no Origin) get through to the
      // upload itself, which then answers for the file (here: no mapping saved yet, or accepted).
      for (const headers of [
        { origin: SITE } as Record<string, string>,
        { referer: `${SITE}/lab/upload` },
        { host: 'pd.local:8080', origin: 'http://pd.local:8080' },
      ]) {
        const res = await send(headers);
        assert.notEqual(res.statusCode, 403, `${JSON.stringify(headers)}: ${res.body}`);
      }
    });

    it('API clients without a cookie are not asked for an Origin; reads are never refused for it', async () => {
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const token = officer.headers.cookie.split('=')[1]!;
      const bearer = await app.inject({
        method: 'POST',
        url: '/api/people/search',
        headers: { authorization: `Bearer ${token}` },
        payload: { q: 'Nguyễn' },
      });
      assert.equal(bearer.statusCode, 200, bearer.body);
      const read = await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: officer.headers.cookie, origin: 'https://evil.example' },
      });
      assert.equal(read.statusCode, 200);
      const crossSiteLogout = await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: officer.headers.cookie, origin: 'https://evil.example' },
      });
      assert.equal(crossSiteLogout.json().error.code, 'ORIGIN_REFUSED');
      const stillIn = await app.inject({ method: 'GET', url: '/api/auth/me', headers: officer.headers });
      assert.equal(stillIn.statusCode, 200);
    });
  });
}
