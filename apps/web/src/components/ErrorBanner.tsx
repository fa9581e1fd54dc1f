import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { currentLang } from '../i18n';
import { detailField } from './Field';

/** The message of an error in the current language: the API's own text when it is an ApiError. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) return error.messages[currentLang()];
    return t('errors.unexpected');
  };
}

/**
 * An alert for a failed request. Details of the fields a form shows next to its inputs (`placed`) stay
 * there; any other detail is listed here so no message is lost.
 */
export function ErrorBanner({ error, placed = [] }: { error: unknown; placed?: string[] }) {
  const text = useErrorText();
  if (!error) return null;
  const isPlaced = (field: string) => placed.some((p) => field === p || field.startsWith(`${p}.`));
  const unplaced =
    error instanceof ApiError && error.code !== 'DUPLICATE_PERSON'
      ? error.details.filter((d) => !isPlaced(detailField(d.field)))
      : [];
  return (
    <div className="alert alert-error" role="alert">
      {text(error)}
      {unplaced.map((d, i) => (
        <div key={i}>{d.message[currentLang()]}</div>
      ))}
    </div>
  );
}
