// What this module uses of the others, through their public surfaces only.
export { citizenAccount, findPerson, loadPerson, locationOf, familyOf, personBriefs } from '../people';
export { accountPhones, areaOfficerIds } from '../accounts';
export { sendMessage } from '../outbox';
export { emitEvent } from '../../core/events/emit';
export { addWorklistItem } from '../worklist';
export { signingKey, activeSigningKeyIn, revoke, revokedAmong, type SigningKey } from '../keys';
export { dccName, DCC_ISSUER, CERTIFICATE_VALIDITY_DAYS, drawQr, nativeZlib } from '../certificates';
export { locationOfCommune, findUnit, mappedTo2025 } from '../geo';
