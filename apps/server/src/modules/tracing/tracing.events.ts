import { onEvent } from '../../core/events/handler';
import { discoverForCase } from './tracing.contacts';
import { TRACING_MACHINE } from './tracing.rules';

/**
 * A case opened (or its dates changed): its candidates are found at once, in the handler's
 * transaction (committed once with the record that the event was handled).
 */
export const tracingEventHandlers = [
  onEvent('case.opened', 'tracing.discover-on-case-opened', async (tx, event) => {
    await discoverForCase(tx, event.payload.caseId, { actor: TRACING_MACHINE });
  }),
  onEvent('case.updated', 'tracing.rediscover-on-case-updated', async (tx, event) => {
    // `investigation`: the contacts the case named may have changed (tracing.named.ts).
    const relevant = ['symptomOnset', 'isolatedAt', 'sampleDate', 'confirmation', 'investigation'];
    if (!event.payload.changed.some((c) => relevant.includes(c))) return;
    await discoverForCase(tx, event.payload.caseId, { actor: TRACING_MACHINE });
  }),
];
