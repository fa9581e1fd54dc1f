import { createHash, webcrypto } from 'node:crypto';
import { gcmDecrypt, gcmEncrypt, SecretBoxError } from '../../core/crypto/secret-box';

/**
 * Private signing keys are stored encrypted with AES-256-GCM under a key derived from the server
 * secret, so a database dump alone cannot forge QR codes or certificates. The cipher is the shared
 * secret box (core/crypto/secret-box.ts); the stored form `v1.<iv>.<tag>.<ciphertext>` (base64) and
 * the key derivation predate it and stay as they were, so existing rows and older servers still read
 * every key.
 */
function wrappingKey(secret: string): Buffer {
  return createHash('sha256').update(`phongdich:signing-keys:${secret}`).digest();
}

export function encryptPrivateKey(pkcs8: Uint8Array, secret: string): string {
  const { iv, ciphertext, tag } = gcmEncrypt(wrappingKey(secret), pkcs8);
  return ['v1', iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join('.');
}

export function decryptPrivateKey(stored: string, secret: string): Uint8Array {
  const [version, iv, tag, enc, ...rest] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !enc || rest.length)
    throw new SecretBoxError('unknown signing key format');
  return gcmDecrypt(wrappingKey(secret), {
    iv: Buffer.from(iv, 'base64'),
    tag: Buffer.from(tag, 'base64'),
    ciphertext: Buffer.from(enc, 'base64'),
  });
}

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export async function generateP256(): Promise<{
  pkcs8: Uint8Array;
  spki: Uint8Array;
  jwk: webcrypto.JsonWebKey;
}> {
  const pair = await webcrypto.subtle.generateKey(P256, true, ['sign', 'verify']);
  return {
    pkcs8: new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey)),
    spki: new Uint8Array(await webcrypto.subtle.exportKey('spki', pair.publicKey)),
    jwk: await webcrypto.subtle.exportKey('jwk', pair.publicKey),
  };
}

export async function importP256Private(pkcs8: Uint8Array): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', pkcs8, P256, false, ['sign']) as Promise<webcrypto.CryptoKey>;
}
