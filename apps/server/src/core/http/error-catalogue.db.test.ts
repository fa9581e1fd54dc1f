// Issue #9 item 4: the error catalogue, its Vietnamese and English texts and the OpenAPI document
// stay in step, and the vocabularies are closed lists without repeats.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { AUDIT_ACTIONS, ERRORS, FIELD_ERROR_CODES, QUEUE_KINDS, SCHEMA_KEYWORDS } from '@phongdich/contracts';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import type { Db } from '../db/db';

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every error code the server's own source raises by name (AppError, throttled, error bodies). */
function codesRaisedInSource(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts'))
        for (const m of fs
          .readFileSync(p, 'utf8')
          .matchAll(/(?:new AppError|throttled|body)\(\s*'([A-Z][A-Z0-9_]+)'/g))
          out.add(m[1]!);
    }
  };
  walk(serverSrc);
  return out;
}

describe('vocabularies', () => {
  it('every catalogue code has a status and both texts, distinct and not blank', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      assert.match(code, /^[A-Z][A-Z0-9_]+$/, code);
      assert.ok(e.status >= 400 && e.status < 600, `${code}: status ${e.status}`);
      assert.ok(e.vi.trim() && e.en.trim(), `${code}: both texts`);
      assert.notEqual(e.vi, e.en, `${code}: the Vietnamese text is not the English one`);
    }
  });

  it('audit actions, field-error codes and queue kinds are lists without repeats', () => {
    for (const [name, list] of [
      ['audit actions', AUDIT_ACTIONS],
      ['field-error codes', [...FIELD_ERROR_CODES, ...SCHEMA_KEYWORDS]],
      ['queue kinds', QUEUE_KINDS],
    ] as const)
      assert.equal(new Set<string>(list).size, list.length, name);
  });

  it('the source raises only catalogue codes (also where the compiler cannot see a literal)', () => {
    const raised = codesRaisedInSource();
    assert.ok(raised.size > 50, `found ${raised.size} codes raised`);
    for (const code of raised) assert.ok(code in ERRORS, `${code} is raised but not in the catalogue`);
  });
});

for (const target of dbTargets()) {
  describe(`OpenAPI document and the error catalogue (${target.name})`, () => {
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

    it('names one shared error body whose codes are the whole catalogue, answered by every operation', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json<{
        paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
        components: { schemas: Record<string, { properties: Record<string, never> }> };
      }>();
      const error = doc.components.schemas.Error as unknown as {
        properties: { error: { properties: { code: { enum: string[] } } } };
      };
      assert.deepEqual(
        [...error.properties.error.properties.code.enum].sort(),
        Object.keys(ERRORS).sort(),
        'the schema lists exactly the catalogue',
      );
      let operations = 0;
      for (const [url, item] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(item)) {
          if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
          operations++;
          assert.deepEqual(
            op.responses?.default,
            {
              description: 'Lỗi theo danh mục mã lỗi — an error from the catalogue',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
            `${method.toUpperCase()} ${url} answers the shared error body`,
          );
        }
      assert.ok(operations > 100, `${operations} operations`);
    });

    it('an error the server sends has the documented shape', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/nope' });
      const { error } = res.json<{ error: { code: string; message: { vi: string; en: string } } }>();
      assert.ok(error.code in ERRORS);
      assert.deepEqual(error.message, { vi: ERRORS.ROUTE_NOT_FOUND.vi, en: ERRORS.ROUTE_NOT_FOUND.en });
    });
  });
}
