// Public surface of the signing keys and revocations for other modules.
export { signingKey, type SigningKey } from './keys.service';
export { revoke, isRevoked } from './revocations';
