export type TestType = 'rt_pcr' | 'rapid_antigen';
export type SampleType = 'nasopharyngeal' | 'oropharyngeal' | 'nasal' | 'saliva';

export interface SessionSummary {
  id: string;
  name: string;
  kind: 'mass' | 'routine' | 'targeted';
  testType: TestType;
  date: string;
  poolSize: number;
  labId: string | null;
  communeCode: string;
  status: string;
  progress: { targets: number; targetsSampled: number; sampled: number; tubes: number };
}

export interface SessionDetail extends SessionSummary {
  sites: { id: string; name: string; address: string | null }[];
  team: { accountId: string; displayName: string; siteId: string | null }[];
}

export interface ImportReport {
  rows: number;
  added: number;
  matched: number;
  created: number;
  alreadyListed: number;
  errors: { row: number; field: string; code: string; message: { vi: string; en: string } }[];
}

export interface LabelBatch {
  id: string;
  testType: TestType;
  sessionId: string | null;
  count: number;
  barcodes: string[];
}

export interface Tube {
  barcode: string;
  status: string;
  sealed: boolean;
  sessionId: string | null;
  capacity: number;
  count: number;
  members: { personId: string; position: number; fullName: string | null; birthYear: number | null }[];
}

export interface Notice {
  code: string;
  message: { vi: string; en: string };
  barcode?: string;
}

export interface SampleResult {
  id: string;
  personId: string;
  replayed: boolean;
  warnings: Notice[];
  tube: Tube;
}

/** What the sampler page queues while offline (kind 'sample'). */
export interface SampleItem {
  id: string;
  barcode: string;
  code?: string;
  personId?: string;
  sessionId: string;
  sampleType: SampleType;
  collectedAt: string;
}

export interface Lab {
  id: string;
  code: string;
  name: string;
}

export interface Manifest {
  id: string;
  lab: Lab;
  sender: string;
  carrier: string;
  sentAt: string;
  receivedAt: string | null;
  status: 'in_transit' | 'received';
  tubeCount: number;
  people: number;
  missingCount: number;
  extraCount: number;
  tubes: { barcode: string; status: 'sent' | 'received' | 'missing' | 'extra'; members: number }[];
}

export interface ReceiveReport {
  received: string[];
  missing: string[];
  extra: string[];
  manifest: Manifest;
}
