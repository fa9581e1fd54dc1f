// Runs every dgc-testdata file copied to standards/testdata against the stage its EXPECTEDRESULTS name.
// Unchecked flags (see standards/SOURCES.md): EXPECTEDPICTUREDECODE (QR images are out of scope).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
// eslint-disable-next-line no-restricted-imports -- the test lists the fixture directory
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesEqual, fromBase64 } from './bytes';
import { decodeBase45Stage, decodeHcert, inflateStage, unprefix, type DecodedHcert } from './hcert';
import { importPublicKey, kidFromCertificate } from './keys';
import { certificateEntry } from './payload';
import { validateDccSchema } from './schema';
import { checkValidityPeriod, verifyHcert, verifySignature } from './verify';
import { certificateAllowedTypes, certificatePublicKey } from './x509';

type Expected = Record<string, boolean>;
interface Fixture {
  JSON?: unknown;
  COSE?: string;
  COMPRESSED?: string;
  PREFIX?: string;
  TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string; DESCRIPTION?: string };
  EXPECTEDRESULTS: Expected;
}

const ROOT = fileURLToPath(new URL('../standards/testdata/', import.meta.url));
const FILES = ['common', 'AT', 'DE'].flatMap((dir) =>
  readdirSync(ROOT + dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f}`),
);
const NOT_CHECKED = new Set(['EXPECTEDPICTUREDECODE']);
const tally = new Map<string, { checked: number; passed: number }>();
const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));

/** Runs a stage; true when it completed without throwing. (Every assert.ok below carries a message: without
 * one, Node re-parses the source file to describe the failure, which takes a minute under tsx.) */
async function succeeds(fn: () => unknown): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch {
    return false;
  }
}

test('the conformance subset is present', () => assert.ok(FILES.length >= 45, `${FILES.length} files`));

for (const file of FILES) {
  test(`conformance ${file}`, async () => {
    const fx = JSON.parse(readFileSync(ROOT + file, 'utf8')) as Fixture;
    const der = fromBase64(fx.TESTCTX.CERTIFICATE);
    const now = new Date(fx.TESTCTX.VALIDATIONCLOCK);
    const { spki, alg } = certificatePublicKey(der);
    // Cross-check the package's own X.509 reader against Node's.
    const nodeSpki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
    assert.ok(bytesEqual(spki, new Uint8Array(nodeSpki)), 'SPKI extraction differs from node:crypto');
    const kid = Buffer.from(await kidFromCertificate(der)).toString('base64');
    const key = await importPublicKey(spki, alg);
    const keys = (k: string) => (k === kid ? key : undefined);
    const text = fx.PREFIX ?? '';
    let decoded: DecodedHcert | undefined;
    try {
      decoded = decodeHcert(text);
    } catch {
      /* the decode stages below report it */
    }
    const entry = decoded && certificateEntry(decoded.payload);

    const stages: Record<string, () => unknown> = {
      EXPECTEDUNPREFIX: () => unprefix(text),
      EXPECTEDB45DECODE: () => {
        const bytes = decodeBase45Stage(unprefix(text));
        if (fx.COMPRESSED) assert.ok(bytesEqual(bytes, hex(fx.COMPRESSED)), 'Base45 output ≠ COMPRESSED');
      },
      EXPECTEDCOMPRESSION: () => {
        const cose = inflateStage(decodeBase45Stage(unprefix(text)));
        if (fx.COSE) assert.ok(bytesEqual(cose, hex(fx.COSE)), 'inflated bytes ≠ COSE');
      },
      EXPECTEDDECODE: () => decodeHcert(text),
      EXPECTEDVALIDOBJECT: () =>
        assert.ok(typeof decoded?.payload === 'object' && decoded.payload.ver, 'no DCC object'),
      EXPECTEDVALIDJSON: () => assert.deepEqual(decoded?.payload, fx.JSON),
      EXPECTEDVERIFY: () => verifySignature(decodeHcert(text), keys),
      EXPECTEDSCHEMAVALIDATION: () => assert.ok(validateDccSchema(decoded?.payload).ok, 'schema'),
      EXPECTEDEXPIRATIONCHECK: () => checkValidityPeriod(decodeHcert(text), now),
      EXPECTEDKEYUSAGE: () =>
        assert.ok(entry && certificateAllowedTypes(der).includes(entry.type), 'key usage'),
    };

    const failures: string[] = [];
    for (const [flag, expected] of Object.entries(fx.EXPECTEDRESULTS)) {
      if (NOT_CHECKED.has(flag)) continue;
      const stage = stages[flag];
      assert.ok(stage, `unknown expectation ${flag} in ${file}`);
      const counts = tally.get(flag) ?? { checked: 0, passed: 0 };
      tally.set(flag, counts);
      counts.checked++;
      if ((await succeeds(stage)) === expected) counts.passed++;
      else failures.push(`${flag} expected ${expected}`);
    }

    // The full verifier must agree: any expected failure makes the certificate invalid, and a file that
    // asserts every verification stage true must verify.
    const exp = fx.EXPECTEDRESULTS;
    const result = await verifyHcert(text, { keys, now, allowedTypes: () => certificateAllowedTypes(der) });
    const anyFalse = Object.entries(exp).some(([flag, v]) => !v && !NOT_CHECKED.has(flag));
    if (anyFalse && result.valid) failures.push('verifyHcert accepted a certificate expected to fail');
    const allTrue = [
      'EXPECTEDDECODE',
      'EXPECTEDVERIFY',
      'EXPECTEDSCHEMAVALIDATION',
      'EXPECTEDEXPIRATIONCHECK',
    ];
    if (allTrue.every((f) => exp[f] === true) && !result.valid)
      failures.push(`verifyHcert: ${result.reason}`);
    const firstReason: [string, string][] = [
      ['EXPECTEDUNPREFIX', 'BAD_PREFIX'],
      ['EXPECTEDB45DECODE', 'BAD_BASE45'],
      ['EXPECTEDCOMPRESSION', 'BAD_COMPRESSION'],
    ];
    for (const [flag, reason] of firstReason) {
      if (exp[flag] === false && (result.valid || result.reason !== reason))
        failures.push(`verifyHcert reason ${result.valid ? 'VALID' : result.reason} ≠ ${reason}`);
    }
    assert.deepEqual(failures, [], `${file}: ${fx.TESTCTX.DESCRIPTION ?? ''}`);
  });
}

after(() => {
  const lines = [...tally].map(([flag, c]) => `  ${flag.padEnd(26)} ${c.passed}/${c.checked} passed`);
  console.log(
    `DCC conformance (${FILES.length} files):\n${lines.join('\n')}\n  EXPECTEDPICTUREDECODE not checked`,
  );
});
