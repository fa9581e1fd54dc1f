// The cases feature's shapes come from the server's schemas (packages/contracts).
export type {
  CaseDetail,
  CaseList,
  CaseRules,
  CaseSummary,
  HomeCareItem,
  HomeCareList,
  Investigation,
  IsolationReport,
  MissedReportList,
  MyCase,
  ReportAnswer,
} from '@phongdich/contracts/cases';
