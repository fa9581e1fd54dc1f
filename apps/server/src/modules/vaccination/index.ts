// Public surface of the vaccination module (issue #12).
export { vaccinationRoutes } from './vaccination.routes';
export { loadBuiltInCatalogues, catalogueInForce } from './vaccination.catalogue';
export { dosesOf } from './vaccination.doses';
/** The domain event every recorded dose emits (payload: doseId, personId, disease, productMp, doseNumber, administeredAt, source, siteId). */
export const DOSE_RECORDED = 'vaccination.dose_recorded';
export { vaccinationStatusSource } from './vaccination.status-source';
export { vaccinationCorrectionsRoutes } from './vaccination.corrections.routes';
export { dropDecidedEvidence } from './vaccination.corrections.retention';
export {
  registerCorrectionCandidateSource,
  type CandidateQuery,
  type CandidateSource,
} from './vaccination.corrections.candidates';
