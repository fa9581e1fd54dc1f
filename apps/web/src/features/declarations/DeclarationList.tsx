import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { currentLang } from '../../i18n';
import type { Declaration } from './types';

/** Declarations newest first: when, which kind, by whom, and the warnings raised. */
export function DeclarationList({ items }: { items: Declaration[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (!items.length) return <p>{t('declarations.noHistory')}</p>;
  return (
    <ul className="cards">
      {items.map((d) => (
        <li key={d.id} className="card" data-testid="declaration-item">
          <strong>{t(`declarations.kinds.${d.kind}`)}</strong>
          {d.personName && <> · {d.personName}</>}{' '}
          <span className={d.hasWarning ? 'badge badge-warn' : 'badge'}>
            {d.hasWarning ? t('declarations.withWarning') : t('declarations.clean')}
          </span>
          <div className="hint">
            {formatDateTime(d.createdAt)} · {t(`declarations.by.${d.declaredBy}`)}
          </div>
          {d.warnings.length > 0 && (
            <ul>
              {d.warnings.map((w) => (
                <li key={w.questionId}>{w[lang]}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
