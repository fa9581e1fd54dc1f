// Sampling's shapes come from the server's schemas (packages/contracts).
export type {
  ImportReport,
  Lab,
  LabelBatch,
  Manifest,
  Notice,
  ReceiveReport,
  SampleItem,
  SampleResult,
  SampleType,
  SessionDetail,
  SessionSummary,
  TestType,
  Tube,
} from '@phongdich/contracts/sampling';
