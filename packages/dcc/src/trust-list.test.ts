// Document-signer certificates made with pkijs, read back (cross-checked against node:crypto), and
// trust-list files in the forms other issuers publish.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { bytesEqual, fromBase64, toBase64 } from './bytes';
import { encodeHcert } from './hcert';
import { generateSigningKeyPair, importPublicKey, kidFromCertificate, type DccAlg } from './keys';
import { schemaExample } from './test-support';
import { euTrustListItem, parseTrustListFile, trustedSigner, TrustListFileError } from './trust-list';
import { verifyHcert } from './verify';
import {
  certificateAllowedTypes,
  certificateSignedBy,
  createCscaCertificate,
  createDocumentSignerCertificate,
  readSignerCertificate,
} from './x509';
import type { CertificateType } from './payload';

const notBefore = new Date('2021-01-01T00:00:00Z');
const notAfter = new Date('2031-01-01T00:00:00Z');

async function csca() {
  const pair = await generateSigningKeyPair('ES256');
  const certificate = await createCscaCertificate({
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    subject: { commonName: 'Phòng Dịch CSCA (test)', country: 'VN' },
    notBefore,
    notAfter,
  });
  return { certificate, privateKey: pair.privateKey };
}

async function signer(types: CertificateType[], alg: DccAlg = 'ES256') {
  const ca = await csca();
  const pair = await generateSigningKeyPair(alg);
  const der = await createDocumentSignerCertificate({
    publicKey: pair.publicKey,
    subject: { commonName: 'Phòng Dịch DSC (test)', country: 'VN' },
    csca: ca,
    types,
    notBefore,
    notAfter,
  });
  const kid = await kidFromCertificate(der);
  return { ca, pair, der, kid };
}

const issuedAt = new Date('2021-06-12T00:00:00Z');
const now = new Date('2021-07-01T00:00:00Z');

describe('document-signer certificates', () => {
  test('a DSC signed by its CSCA: node:crypto reads the same key, issuer and usages', async () => {
    const { ca, pair, der } = await signer(['v', 't']);
    const node = new X509Certificate(der);
    const read = readSignerCertificate(der);
    assert.ok(bytesEqual(read.spki, new Uint8Array(node.publicKey.export({ type: 'spki', format: 'der' }))));
    assert.equal(toBase64(read.spki), pair.record.publicKeySpki);
    assert.equal(read.alg, 'ES256');
    assert.equal(read.country, 'VN');
    assert.deepEqual(read.allowedTypes.sort(), ['t', 'v']);
    assert.ok(node.verify(new X509Certificate(ca.certificate).publicKey), 'node: signed by the CSCA');
    assert.ok(await certificateSignedBy(der, ca.certificate));
    assert.equal(await certificateSignedBy(der, (await csca()).certificate), false, 'another CSCA');
    assert.match(node.issuer, /CSCA/);
    assert.equal(node.ca, false);
    assert.equal(new X509Certificate(ca.certificate).ca, true);
  });

  test('a DSC for a PS256 (RSA) key reads as PS256', async () => {
    const { der } = await signer(['v'], 'PS256');
    assert.equal(readSignerCertificate(der).alg, 'PS256');
  });

  test('a signer whose usage names only "test" may not sign a vaccination certificate', async () => {
    const { der, pair, kid } = await signer(['t']);
    const key = await importPublicKey(readSignerCertificate(der).spki, 'ES256');
    const sign = async (name: string) =>
      verifyHcert(
        await encodeHcert({
          payload: schemaExample(name),
          issuer: 'VN',
          issuedAt,
          expiresAt: new Date('2022-06-12T00:00:00Z'),
          kid,
          privateKey: pair.privateKey,
        }),
        { keys: () => key, now, allowedTypes: () => certificateAllowedTypes(der) },
      );
    const vacc = await sign('vaccination-simple');
    assert.equal(vacc.valid ? 'VALID' : vacc.reason, 'KEY_USAGE');
    assert.equal((await sign('test-simple-naat')).valid, true);
  });

  test('a DSC with no type is refused at creation', async () => {
    const ca = await csca();
    const pair = await generateSigningKeyPair();
    await assert.rejects(
      createDocumentSignerCertificate({
        publicKey: pair.publicKey,
        subject: { commonName: 'x', country: 'VN' },
        csca: ca,
        types: [],
        notBefore,
        notAfter,
      }),
      RangeError,
    );
  });
});

describe('trust-list files', () => {
  test('EU gateway JSON (array and {certificates}), PEM, DER and base64 lines all give the certificates', async () => {
    const a = await signer(['v']);
    const b = await signer(['t']);
    const items = await Promise.all(
      [a.der, b.der].map(async (der) => euTrustListItem(await trustedSigner(der), 'VN', now)),
    );
    assert.equal(items[0]!.kid, toBase64(a.kid), 'kid = SHA-256(DER)[0..8]');
    assert.equal(items[0]!.certificateType, 'DSC');
    const pem = [a.der, b.der]
      .map(
        (d) =>
          `-----BEGIN CERTIFICATE-----\n${toBase64(d).replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----`,
      )
      .join('\n');
    const forms: [string | Uint8Array, string, number][] = [
      [JSON.stringify(items), 'eu-json', 2],
      [JSON.stringify({ certificates: items }), 'eu-json', 2],
      [`MEUCIQDsignatureline\n${JSON.stringify({ certificates: items })}`, 'eu-json', 2],
      [pem, 'pem', 2],
      [a.der, 'der', 1],
      [`${toBase64(a.der)}\n${toBase64(b.der)}\n`, 'base64', 2],
    ];
    for (const [content, format, count] of forms) {
      const file = parseTrustListFile(content);
      assert.equal(file.format, format);
      assert.equal(file.certificates.length, count, format);
      assert.ok(bytesEqual(file.certificates[0]!.der, a.der), format);
    }
    assert.equal(parseTrustListFile(JSON.stringify(items)).certificates[0]!.country, 'VN');
  });

  test('what is not a trust list is refused with a reason', () => {
    for (const bad of ['', 'hello world!', '{"x": 1}', '[{"kid": "abc"}]'])
      assert.throws(() => parseTrustListFile(bad), TrustListFileError, JSON.stringify(bad));
  });

  test('a file entry that is not a certificate fails when read', async () => {
    const file = parseTrustListFile(JSON.stringify([{ rawData: toBase64(new Uint8Array([1, 2, 3])) }]));
    await assert.rejects(trustedSigner(file.certificates[0]!.der));
    assert.throws(() => readSignerCertificate(fromBase64('MAA=')));
  });
});
