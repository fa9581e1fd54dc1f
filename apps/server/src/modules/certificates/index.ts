// Public surface of the certificates module for other modules.
export { dccName, DCC_ISSUER, CERTIFICATE_VALIDITY_DAYS } from './certificates.payload';
export { drawQr } from './certificates.pdf';
