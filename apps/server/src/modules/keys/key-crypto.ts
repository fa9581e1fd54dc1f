import { createCipheriv, createDecipheriv, createHash, randomBytes, webcrypto } from 'node:crypto';

/**
 * Private signing keys are stored encrypted with AES-256-GCM under a key derived from the server
 * secret, so a database dump alone cannot forge QR codes or certificates.
 */
function wrappingKey(secret: string): Buffer {
  return createHash('sha256').update(`phongdich:signing-keys:${secret}`).digest();
}

export function encryptPrivateKey(pkcs8: Uint8Array, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret), iv);
  const enc = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), enc.toString('base64')].join(
    '.',
  );
}

export function decryptPrivateKey(stored: string, secret: string): Uint8Array {
  const [version, iv, tag, enc] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !enc) throw new Error('unknown signing key format');
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secret), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(enc, 'base64')), decipher.final()]);
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
