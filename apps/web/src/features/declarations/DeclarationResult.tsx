import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { currentLang } from '../../i18n';
import type { SubmitResult } from './types';

/** What the declarant sees after sending: the time, and any warning with what happens next. */
export function DeclarationResult({ result, onAgain }: { result: SubmitResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <div className="card" data-testid="declaration-result">
      <p className="alert alert-ok" role="status">
        {t('declarations.submitted', { at: formatDateTime(result.createdAt) })}
      </p>
      {result.hasWarning ? (
        <div className="alert alert-warn" role="alert">
          <strong>{t('declarations.warningTitle')}</strong>
          <ul>
            {result.warnings.map((w) => (
              <li key={w.questionId}>{w[lang]}</li>
            ))}
          </ul>
          <p style={{ marginBottom: 0 }}>{t('declarations.warningNext')}</p>
        </div>
      ) : (
        <p>{t('declarations.noWarning')}</p>
      )}
      <div className="btn-row">
        <button type="button" className="btn" onClick={onAgain}>
          {t('declarations.declareAgain')}
        </button>
      </div>
    </div>
  );
}
