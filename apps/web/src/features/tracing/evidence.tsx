import { useTranslation } from 'react-i18next';
import type { Contact } from '@phongdich/contracts/tracing';
import { formatTime } from '../../components/format';

type Evidence = Contact['evidence'][number];

/** One piece of evidence in words; outside the officer's area only its kind is known. */
export function EvidenceLine({ e, masked, venueName }: { e: Evidence; masked: boolean; venueName?: string }) {
  const { t } = useTranslation();
  switch (e.kind) {
    case 'checkin':
      if (masked || !e.from || !e.to) return <>{t('tracing.evidence.checkinMasked')}</>;
      return (
        <>
          {t('tracing.evidence.checkin', {
            venue: venueName ?? '…',
            from: formatTime(e.from),
            to: formatTime(e.to),
            minutes: Math.round(e.overlapMinutes ?? 0),
            estimated: e.estimated ? t('tracing.evidence.estimated') : '',
          })}
          {e.via === 'parent'
            ? t('tracing.evidence.parent')
            : e.via === 'child'
              ? t('tracing.evidence.child')
              : ''}
        </>
      );
    case 'household':
      return (
        <>
          {masked || !e.relation
            ? t('tracing.evidence.householdMasked')
            : t(`tracing.evidence.household.${e.relation as 'family_link' | 'same_address'}`)}
        </>
      );
    case 'proximity':
      // Past the encounter log's retention the signal strength is gone (the exposure stays).
      return (
        <>
          {e.rssi === undefined
            ? t('tracing.evidence.proximityPast', { minutes: e.durationMinutes ?? 0 })
            : t('tracing.evidence.proximity', { minutes: e.durationMinutes ?? 0, rssi: e.rssi })}
        </>
      );
    case 'named':
      return <>{t('tracing.evidence.named')}</>;
  }
}
