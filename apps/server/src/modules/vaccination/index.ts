// Public surface of the vaccination module (issue #12).
export { vaccinationRoutes } from './vaccination.routes';
export { loadBuiltInCatalogues, catalogueInForce } from './vaccination.catalogue';
export { dosesOf } from './vaccination.doses';
// Imported doses' certificates, issued after the import commits from their dose events (app.ts).
export { vaccinationCertificateHandler } from './vaccination.certificates.after-dose';
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
// Figures (§7): kept by the dose handler (registered in app.ts), rebuilt by `npm run vaccination:figures`;
// `coverageOf` / `epidemicCoverage` are the typed reads for the epidemic-level rules.
export {
  vaccinationFiguresHandler,
  rebuildVaccinationFigures,
  refreshPersonVaccination,
} from './vaccination.person-state';
export { coverageOf, coverageShare, epidemicCoverage, AGE_BANDS } from './vaccination.coverage';
// Invitations, reminders and priority groups (§2): routes need the public URL for the booking link.
export { vaccinationInvitationsRoutes } from './vaccination.invitations.routes';
export { sendBookingReminders } from './vaccination.reminders';
// The import's waiting rows offered to a correction's reviewer (§5): registered in app.ts.
export { importCorrectionCandidates } from './vaccination.import.candidates';
