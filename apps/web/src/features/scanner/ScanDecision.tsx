// What the staff member must see at a glance after a scan, right under the code field (on screen at
// 360 × 740 without scrolling): the colour, the (masked) name, and whether a visit was recorded.
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PersonBand } from './PersonBand';
import type { ScanOutcome } from './scanner-actions';
import type { CheckinResult } from './types';
import { formatTime } from '../../components/format';

export type Decision = ScanOutcome | { kind: 'choose' };

const time = (iso: string) => formatTime(iso);

function Recorded({ checkin, onCheckout }: { checkin: CheckinResult; onCheckout: () => void }) {
  const { t } = useTranslation();
  const text = checkin.sameVisit
    ? t('scanner.sameVisit', { time: time(checkin.serverTime), venue: checkin.venueName })
    : checkin.duplicate
      ? t('scanner.duplicate')
      : t('scanner.recordedAt', { time: time(checkin.serverTime), venue: checkin.venueName });
  return (
    <p className="scan-recorded">
      <strong>{text}</strong>{' '}
      <button type="button" onClick={onCheckout}>
        {t('scanner.checkout')}
      </button>
    </p>
  );
}

export function ScanDecision({
  decision,
  onCheckout,
}: {
  decision: Decision;
  onCheckout: (c: CheckinResult) => void;
}) {
  const { t } = useTranslation();
  const body = (() => {
    switch (decision.kind) {
      case 'choose':
        return (
          <p role="alert" className="alert alert-error">
            {t('scanner.chooseFirst')}
          </p>
        );
      case 'person': {
        const { scan, checkin } = decision;
        return (
          <>
            <PersonBand
              colour={scan.colour}
              title={scan.person.fullName}
              subtitle={`${scan.person.birthYear} · ${scan.person.communeName ?? scan.person.communeCode}`}
              reasons={scan.reasons}
            />
            {checkin === null && (
              <p className="scan-recorded">
                <strong>{t('scanner.notRecorded')}</strong>
              </p>
            )}
            {checkin === 'queued' && <p className="scan-recorded">{t('scanner.queued')}</p>}
            {checkin && checkin !== 'queued' && (
              <Recorded checkin={checkin} onCheckout={() => onCheckout(checkin)} />
            )}
            {scan.pending && <p>{t('scanner.pendingIdentity')}</p>}
            {scan.created && <p>{t('scanner.created')}</p>}
            {scan.communeAssumed && <p>{t('scanner.communeAssumed')}</p>}
          </>
        );
      }
      case 'queued':
        return (
          <div data-testid="scan-queued">
            <p>{t('scanner.pendingCode')}</p>
            {decision.offlineVerified && <p>{t('scanner.verifiedOffline')}</p>}
            <p>{t('scanner.queued')}</p>
          </div>
        );
      case 'venue':
        return <p>{t('scanner.venueCode', { name: decision.name })}</p>;
      case 'certificate':
        return <p>{t('scanner.certificate')}</p>;
      case 'invalid':
        return (
          <p role="alert" className="alert alert-error">
            {t('scanner.offlineInvalid', { reason: decision.reason })}
          </p>
        );
      case 'error':
        return <ErrorBanner error={decision.error} />;
    }
  })();
  return (
    <div role="status" aria-live="polite" data-testid="scan-decision">
      {body}
    </div>
  );
}
