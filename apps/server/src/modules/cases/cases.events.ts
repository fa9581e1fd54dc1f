import { confirmationRulesInForce, confirmsCase, vietnamDay } from '@phongdich/domain';
import { onEvent } from '../../core/events/handler';
import { releasedResultOf } from '../lab';
import { openCaseForPerson } from './cases.open';

/**
 * A released positive result becomes a case (or a confirmation of the person's open case). The
 * result is read as it stands when the event is handled, so one corrected away in the meantime
 * opens nothing. A positive rapid test confirms only where the rule in force says so; tracing
 * opens cases for its contacts' rapid tests with the same `openCaseForPerson`.
 */
export const openCaseFromResult = onEvent('test.positive', 'cases.open-from-result', async (tx, e) => {
  const { personId, barcode } = e.payload;
  const r = await releasedResultOf(tx, personId, barcode);
  if (!r || r.result !== 'positive' || r.pooled) return;
  const releasedAt = new Date(e.payload.releasedAt);
  const decision = confirmsCase(confirmationRulesInForce(releasedAt), {
    kind: 'lab_result',
    testType: r.testType,
  });
  if (!decision.confirms) return;
  await openCaseForPerson(
    tx,
    personId,
    {
      kind: 'lab_result',
      barcode,
      labId: r.labId,
      testType: r.testType,
      sampleDate: vietnamDay(r.collectedAt ?? new Date(e.payload.collectedAt)),
      ruleVersion: decision.ruleVersion,
    },
    { confirmedAt: releasedAt },
  );
});
