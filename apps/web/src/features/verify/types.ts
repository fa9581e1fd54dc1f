export interface VerificationAnswer {
  valid: boolean;
  reason?: string;
  message: { vi: string; en: string };
  certificate?: {
    name: string;
    dob: string;
    type: string;
    result?: string;
    date: string;
    issuer: string;
    uvci: string;
    country?: string;
    signer?: 'own' | 'imported';
  };
}

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
