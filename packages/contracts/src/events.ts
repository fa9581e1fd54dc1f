/**
 * The catalogue of domain events. A module emits only these types, with these payloads, so a
 * handler written in another module reads a known shape (and the compiler finds both ends of an
 * event when it changes). Payloads carry ids, never names, phone numbers or identity numbers.
 */
export const EVENT_TYPES = [
  'declaration.submitted',
  'sample.collected',
  'shipment.received',
  'test.positive',
  'test.corrected',
  'vaccination.dose_recorded',
  // Cases (issue #13, modules/cases): tracing and status follow them.
  'case.opened',
  'case.updated',
  // tracing (issue #13, task tracing)
  'contact.confirmed',
  'quarantine.proposed',
  // trace13 (issue #13): a contact withdrawn because its case was annulled
  'contact.withdrawn',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventPayloads {
  'declaration.submitted': { declarationId: string; personId: string; hasWarning: boolean };
  'sample.collected': {
    sampleId: string;
    barcode: string;
    personId: string;
    sessionId: string;
    testType: string;
  };
  'shipment.received': {
    shipmentId: string;
    labId: string;
    received: string[];
    missing: string[];
    extra: string[];
  };
  'test.positive': { personId: string; barcode: string; collectedAt: string; releasedAt: string };
  'test.corrected': {
    personId: string;
    barcode: string;
    from: string;
    to: string;
    pooled: boolean;
    correctedAt: string;
  };
  // A dose entered in the record (at a site now; imports and accepted corrections later): status,
  // certificates and the coming cases module (vaccination status of a case) follow it.
  'vaccination.dose_recorded': {
    doseId: string;
    personId: string;
    disease: string;
    productMp: string;
    doseNumber: number;
    administeredAt: string;
    source: 'site' | 'import' | 'correction';
    siteId: string | null;
  };
  // A case (F0) opened, from a released positive result or an officer's entry. Dates are YYYY-MM-DD
  // (Asia/Ho_Chi_Minh); tracing's infectious window starts from symptomOnset, else sampleDate.
  'case.opened': {
    caseId: string;
    personId: string;
    confirmedAt: string;
    sampleDate: string;
    symptomOnset: string | null;
  };
  // A case changed: `changed` names the fields (e.g. symptomOnset, isolatedAt, status, confirmation).
  'case.updated': { caseId: string; personId: string; changed: string[] };
  // tracing (issue #13): an officer confirmed a contact (F<generation>) of a case's chain…
  'contact.confirmed': {
    contactId: string;
    personId: string;
    subjectCaseId: string;
    generation: number;
    /** YYYY-MM-DD (Vietnam): the last day of exposure. */
    exposureDate: string;
  };
  // …and proposes them for quarantine (the quarantine module consumes it).
  'quarantine.proposed': { contactId: string; personId: string; reason: 'contact'; exposureDate: string };
  // A confirmed contact withdrawn (trace13): its case was annulled by a result correction. The
  // quarantine module ends the quarantine it proposed unless `stillContact` (confirmed from another case).
  'contact.withdrawn': {
    contactId: string;
    personId: string;
    subjectCaseId: string;
    reason: 'case_annulled';
    stillContact: boolean;
  };
}

/** A dead letter as national administrators see it: no payload (it may name a person). */
export interface DeadEvent {
  id: number;
  type: EventType | string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
}
