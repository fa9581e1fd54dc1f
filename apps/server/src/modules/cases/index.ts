/**
 * Public surface of the cases module (issue #13): the only file other modules (and app.ts) may import.
 * Cases (F0): opening from released positive results or by officers, the case record, investigation,
 * home isolation. Owns tables: cases, case_confirmations, case_treatment_places, case_history, case_question_sets,
 * case_investigations, case_isolation_reports, case_releases.
 */
export { caseForTracing } from './cases.repository';
export { openCaseForPerson, type OpenCaseOptions, type OpenCaseResult } from './cases.open';
export type { CaseForTracing, CaseConfirmationInput } from './cases.types';
export { openCaseFromResult } from './cases.events';
export { followResultCorrection } from './cases.correction';
export { casesStatusSource } from './cases.status-source';
export { casesRoutes } from './cases.routes';
export { setCaseCluster, setSourceCase } from './cases.links';
export { investigationAnswers } from './cases.investigation';
