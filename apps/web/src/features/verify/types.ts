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
  };
}

export interface TrustList {
  savedAt: string;
  keys: { kid: string; publicKeySpki: string }[];
  revokedDcc: string[];
}
