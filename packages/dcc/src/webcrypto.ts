// WebCrypto types taken from `globalThis.crypto`, so this package type-checks both under the server's
// Node-only lib (no DOM `CryptoKey` global) and under the web app's DOM lib.
type Subtle = typeof globalThis.crypto.subtle;

export type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;

export const subtle = (): Subtle => globalThis.crypto.subtle;
