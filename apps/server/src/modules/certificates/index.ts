/**
 * Public surface of the certificates module: the only file other modules (and app.ts) may import.
 * Certificates: signed test certificates (DCC), their PDF, verification and revocation. Owns tables: test_certificates, certificate_failures.
 */
export { certificatesRoutes } from './certificates.routes';
export { certificatePdf } from './certificates.pdf';
export { certificateDue, issueOrRecordFailure, type IssueTarget } from './certificates.safe-issue';
export type { TestCertificateFacts } from './certificates.payload';
export {
  certificateFailuresOfLab,
  countCertificateFailures,
  clearCertificateFailure,
  certificateUvcis,
  markCertificateReplaced,
  type CertificateFailure,
} from './certificates.failures';
export { dccName, DCC_ISSUER, CERTIFICATE_VALIDITY_DAYS, nativeZlib } from './certificates.payload';
export { drawQr } from './certificates.pdf';
export { certificateDocument, revokedCertificates } from './certificates.read';
