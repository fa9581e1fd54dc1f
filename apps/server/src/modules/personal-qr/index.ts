/**
 * Public surface of the personal-qr module: the only file other modules (and app.ts) may import.
 * Personal QR: a person's app and printed codes, card batches. Owns tables: personal_qr_tokens, qr_card_batches.
 */
export { personalQrRoutes } from './personal-qr.routes';
export { findToken, type QrTokenRow } from './personal-qr.repository';
