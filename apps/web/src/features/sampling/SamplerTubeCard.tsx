import { useTranslation } from 'react-i18next';
import type * as local from './sampler-state';
import type { SampleType } from './types';

/**
 * The tube in use, always on screen while it is kept for the next person: its barcode and count, the
 * sample type the next link records, and who is already in it. A pool is filled through this card, so the
 * sampler sees the tube before every link.
 */
export function SamplerTubeCard(props: {
  tube: local.LocalTube;
  n: number;
  sampleType: SampleType | '';
  onClose: () => void;
  onNewTube: () => void;
}) {
  const { t } = useTranslation();
  const { tube, n } = props;
  return (
    <div className="card" data-testid="current-tube" aria-live="polite">
      <h2>
        {t('sampling.sampler.currentTube', { barcode: tube.barcode, count: tube.members.length, n })}
        {tube.sealed && ` · ${t('sampling.sampler.sealed')}`}
      </h2>
      {props.sampleType && (
        <p>{t('sampling.sampler.typeInUse', { type: t(`sampling.sampleTypes.${props.sampleType}`) })}</p>
      )}
      <ol>
        {tube.members.map((m) => (
          <li key={m.key}>
            {m.label} {m.pending && <em>({t('sampling.sampler.memberPending')})</em>}
          </li>
        ))}
      </ol>
      <button type="button" onClick={props.onClose} disabled={tube.sealed || tube.members.length === 0}>
        {t('sampling.sampler.close')}
      </button>{' '}
      <button type="button" onClick={props.onNewTube}>
        {t('sampling.sampler.newTube')}
      </button>
    </div>
  );
}
