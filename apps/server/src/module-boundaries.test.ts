import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

/**
 * The module boundary rule in eslint.config.js, run on small sources placed (by file path) where real
 * files live: another module is reachable only through its index.ts.
 */
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const inScan = 'apps/server/src/modules/scan/boundary-probe.ts';
const scanTest = 'apps/server/src/modules/scan/boundary-probe.test.ts';

describe('module boundaries (lint)', () => {
  it("refuses another module's repository, routes or deep file from a module", async () => {
    for (const deep of [
      '../people/people.repository',
      '../people/people.routes',
      '../venues/venues.access',
    ]) {
      const found = await restricted(`import { x } from '${deep}';\nexport const y = x;\n`, inScan);
      assert.equal(found.length, 1, deep);
      assert.match(found[0]!, /index\.ts/);
    }
    // Type-only imports are no exception.
    assert.equal(
      (await restricted(`import type { X } from '../people/people.types';\nexport type Y = X;\n`, inScan))
        .length,
      1,
    );
  });

  it('allows the public surface, the own module, core and packages', async () => {
    const code = [
      "import { a } from '../people';",
      "import { b } from '../people/index';",
      "import { c } from './scan.service';",
      "import { d } from '../../core/db/db';",
      "import { e } from '@phongdich/contracts';",
      'export const all = [a, b, c, d, e];',
      '',
    ].join('\n');
    assert.deepEqual(await restricted(code, inScan), []);
  });

  it('lets tests, not production code, import another module’s fixtures', async () => {
    const code = "import { citizen } from '../people/people.fixtures';\nexport const c = citizen;\n";
    assert.deepEqual(await restricted(code, scanTest), []);
    assert.equal((await restricted(code, inScan)).length, 1);
  });

  it('refuses deep imports from outside the modules (app wiring, core) and the web reaching the server', async () => {
    const fromApp =
      "import { peopleRoutes } from './modules/people/people.routes';\nexport const r = peopleRoutes;\n";
    assert.equal((await restricted(fromApp, 'apps/server/src/app.ts')).length, 1);
    const fromCore =
      "import { findVenue } from '../../modules/venues/venues.repository';\nexport const f = findVenue;\n";
    assert.equal((await restricted(fromCore, 'apps/server/src/core/auth/probe.ts')).length, 1);
    const fromWeb = "import { x } from '../../../../server/src/modules/people';\nexport const y = x;\n";
    assert.equal((await restricted(fromWeb, 'apps/web/src/features/people/probe.ts')).length, 1);
  });
});
