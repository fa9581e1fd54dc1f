import { confirmationRulesInForce, confirmsCase, vietnamDay } from '@phongdich/domain';
import { onEvents } from '../../core/events/handler';
import { releasedResultsOf } from '../lab';
import { openCasesForPeople, type CaseToOpen } from './cases.open-batch';
import { CASES_FROM_RESULTS } from './cases.open';

/**
 * Released positive results become cases (or confirmations of the person's open case), a batch of
 * events in one transaction. Each result is read as it stands when the event is handled, so one
 * corrected away in the meantime opens nothing. A positive rapid test confirms only where the rule in
 * force says so; tracing opens cases for its contacts' rapid tests with `openCaseForPerson`.
 */
export const openCaseFromResult = onEvents('test.positive', 'cases.open-from-result', async (tx, events) => {
  const results = await releasedResultsOf(
    tx,
    events.map((e) => ({ personId: e.payload.personId, barcode: e.payload.barcode })),
  );
  const toOpen: CaseToOpen[] = [];
  for (const e of events) {
    const { personId, barcode } = e.payload;
    const r = results.get(`${personId}|${barcode}`);
    if (!r || r.result !== 'positive' || r.pooled) continue;
    const releasedAt = new Date(e.payload.releasedAt);
    const decision = confirmsCase(confirmationRulesInForce(releasedAt), {
      kind: 'lab_result',
      testType: r.testType,
    });
    if (!decision.confirms) continue;
    toOpen.push({
      personId,
      confirmedAt: releasedAt,
      confirmation: {
        kind: 'lab_result',
        barcode,
        labId: r.labId,
        testType: r.testType,
        sampleDate: vietnamDay(r.collectedAt ?? new Date(e.payload.collectedAt)),
        ruleVersion: decision.ruleVersion,
      },
    });
  }
  await openCasesForPeople(tx, toOpen, { actor: CASES_FROM_RESULTS });
});
