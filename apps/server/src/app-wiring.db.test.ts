/* eslint-disable no-restricted-imports -- this test checks the wiring itself: that importing a module's routes file registers nothing and that the keys service reads no secret of its own, so it must reach those files. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './test-support/test-db';
import { buildTestApp, testConfig } from './test-support/test-app';
import type { Db } from './core/db/db';
import { openPglite } from './core/db/pglite';
import { migrate } from './core/db/migrate';
import { keysSecretOf } from './core/crypto/keys-secret';
import * as keysService from './modules/keys/keys.service';
import { decryptPrivateKey } from './modules/keys/key-crypto';
import { statusSources } from './modules/status/status.sources';
// Importing the modules that own status sources must not register them.
import './modules/lab/lab.routes';
import './modules/declarations/declarations.routes';

describe('importing the modules that own status sources', () => {
  it('registers none of them', () => {
    assert.deepEqual(
      statusSources().filter((s) => s === 'lab' || s === 'declarations'),
      [],
    );
  });
});

for (const target of dbTargets()) {
  describe(`what the app wires from its configuration (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('status sources are registered where the app is built', async () => {
      const app = await buildTestApp(db);
      try {
        assert.deepEqual(
          statusSources()
            .filter((s) => s === 'lab' || s === 'declarations')
            .sort(),
          ['declarations', 'lab'],
        );
      } finally {
        await app.close();
      }
    });

    it('signing keys are encrypted with the secret bound from the configuration, and no other', async () => {
      assert.equal('setKeysSecret' in keysService, false, 'no global setter');
      await keysService.signingKey(db, 'qr');
      const [row] = await db.query<{ private_key_enc: string }>(
        "select private_key_enc from signing_keys where purpose = 'qr' and status = 'active'",
      );
      const secret = testConfig().secret;
      assert.equal(keysSecretOf(db), secret);
      assert.ok(decryptPrivateKey(row!.private_key_enc, secret).length > 0);
      assert.throws(() => decryptPrivateKey(row!.private_key_enc, 'another-secret-of-32-characters!!'));
    });
  });
}

describe('a database handle without the keys secret', () => {
  it('cannot sign: the secret is never read from the environment behind the caller’s back', async () => {
    const plain = await openPglite();
    try {
      await migrate(plain);
      await assert.rejects(keysService.signingKey(plain, 'dcc'), /keys secret is not bound/);
    } finally {
      await plain.close();
    }
  });
});
