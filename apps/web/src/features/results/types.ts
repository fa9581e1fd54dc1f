export interface MyResult {
  id: string;
  result: 'positive' | 'negative' | 'invalid';
  testType: 'rt_pcr' | 'rapid_antigen';
  pooled: boolean;
  collectedAt: string | null;
  releasedAt: string;
  labName: string | null;
  hasCertificate: boolean;
  corrected: boolean;
}

export interface MyResults {
  people: { personId: string; name: string; self: boolean; retestPending: boolean; results: MyResult[] }[];
}

export interface Certificate {
  hc1: string;
  uvci: string;
  expiresAt: string;
}
