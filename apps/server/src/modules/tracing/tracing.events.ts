import { onEvent } from '../../core/events/handler';
import { caseForTracing } from '../cases';
import { discoverForCase } from './tracing.contacts';
import { TRACING_MACHINE } from './tracing.rules';
import { withdrawAnnulledCase } from './tracing.withdraw';

/**
 * A case opened (or its dates changed): its candidates are found at once, in the handler's
 * transaction (committed once with the record that the event was handled). A case annulled by a
 * result correction: the contacts traced from it are withdrawn instead (tracing.withdraw.ts).
 */
export const tracingEventHandlers = [
  onEvent('case.opened', 'tracing.discover-on-case-opened', async (tx, event) => {
    const c = await caseForTracing(tx, event.payload.caseId);
    // Annulled before this handler ran (a correction right after release): nothing to trace.
    if (c?.closedReason === 'annulled') return;
    await discoverForCase(tx, event.payload.caseId, { actor: TRACING_MACHINE });
  }),
  onEvent('case.updated', 'tracing.rediscover-on-case-updated', async (tx, event) => {
    const c = await caseForTracing(tx, event.payload.caseId);
    if (c?.closedReason === 'annulled') {
      await withdrawAnnulledCase(tx, c.id, { actor: TRACING_MACHINE });
      return;
    }
    // `investigation`: the contacts the case named may have changed (tracing.named.ts).
    const relevant = ['symptomOnset', 'isolatedAt', 'sampleDate', 'confirmation', 'investigation'];
    if (!event.payload.changed.some((c) => relevant.includes(c))) return;
    await discoverForCase(tx, event.payload.caseId, { actor: TRACING_MACHINE });
  }),
];
