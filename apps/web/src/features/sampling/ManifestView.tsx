import { useTranslation } from 'react-i18next';
import type { Manifest } from './types';
import { formatDateTime } from '../../components/format';

export function ManifestView({ m }: { m: Manifest }) {
  const { t } = useTranslation();
  return (
    <div className="card" data-testid="manifest">
      <h3>
        {t('sampling.shipments.manifest')} · {m.lab.name} · {t(`sampling.shipments.status.${m.status}`)}
      </h3>
      <p>
        {m.sender} · {m.carrier} · {formatDateTime(m.sentAt)}
      </p>
      <p>
        {t('sampling.shipments.counts', {
          tubes: m.tubeCount,
          people: m.people,
          missing: m.missingCount,
          extra: m.extraCount,
        })}
      </p>
      <ul>
        {m.tubes.map((x) => (
          <li key={x.barcode}>
            <code>{x.barcode}</code> · {t(`sampling.shipments.tubeStatus.${x.status}`)} · {x.members}{' '}
            {t('sampling.shipments.people')}
          </li>
        ))}
      </ul>
    </div>
  );
}
