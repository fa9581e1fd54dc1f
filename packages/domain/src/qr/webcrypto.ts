// WebCrypto types borrowed from whichever typing the compiler has loaded (DOM lib in the web app,
// @types/node on the server), so this pure package needs neither.
type Subtle = typeof globalThis.crypto.subtle;

export type WebCryptoKey = Parameters<Subtle['verify']>[1];

/** The JWK members used for EC P-256 keys (structurally compatible with both JsonWebKey typings). */
export interface EcJwk {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  kid?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  ext?: boolean;
}

export const subtle = (): Subtle => globalThis.crypto.subtle;

export const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
