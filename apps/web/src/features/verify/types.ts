// The server's verdict (and the offline verifier's, the same shape) comes from packages/contracts.
import type { VerifierTrustList } from '@phongdich/contracts/trust-list';
export type { VerificationAnswer } from '@phongdich/contracts/certificates';

/**
 * What the offline verifier keeps in the browser: the server's merged signer list as it came
 * (`GET /api/keys/dcc/signers`, contracts' VerifierTrustList), plus when it was saved and the UVCIs
 * revoked at that time (from `GET /api/keys/revocations`).
 */
export type TrustList = VerifierTrustList & {
  savedAt: string;
  revokedDcc: string[];
};
