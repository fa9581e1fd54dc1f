/**
 * Public surface of the keys module: the only file other modules (and app.ts) may import.
 * Keys: signing keys for QR codes and certificates, their rotation and the revocation list. Owns tables: signing_keys, revocations.
 */
export { keysRoutes } from './keys.routes';
export { renewExpiringSigner, DSC_RENEW_BEFORE_DAYS } from './keys.service';
export { signingKey, activeSigningKeyIn, publicKeys, type SigningKey, type KeyPurpose } from './keys.service';
export { revoke, reinstate, isRevoked, revokedAmong } from './revocations';
export {
  verifierTrust,
  refreshVerifierTrust,
  VERIFIER_TRUST_POLL_MS,
  type VerifierTrust,
} from './verifier-trust';
