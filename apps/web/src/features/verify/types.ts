// The server's verdict (and the offline verifier's, the same shape) comes from packages/contracts.
export type { VerificationAnswer } from '@phongdich/contracts/certificates';

export interface TrustList {
  savedAt: string;
  /** Every trusted signer (ours and imported), with the algorithm and the types its certificate allows. */
  keys: {
    kid: string;
    publicKeySpki: string;
    alg?: 'ES256' | 'PS256';
    allowedTypes?: ('v' | 't' | 'r')[];
    country?: string;
    source?: 'own' | 'imported';
    /** The DSC's validity period (ISO 8601), when the signer has one. */
    notBefore?: string;
    notAfter?: string;
  }[];
  revokedDcc: string[];
}
