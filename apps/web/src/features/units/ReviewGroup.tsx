import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoveReview } from '@phongdich/contracts/geo';

/** The records of one old unit waiting for their new commune: one choice, applied to those ticked. */
export function ReviewGroup({
  items,
  busy,
  onApply,
}: {
  items: MoveReview[];
  busy: boolean;
  onApply: (ids: string[], unitCode: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const first = items[0]!;
  const [chosen, setChosen] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(items.map((i) => i.id)));
  const candidates = first.candidates;
  const name = candidates.find((c) => c.code === chosen)?.name ?? chosen;
  const ids = items.filter((i) => ticked.has(i.id)).map((i) => i.id);
  const groupId = `review-${first.id}`;
  const toggle = (id: string) =>
    setTicked((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <li className="card" data-testid="review-group">
      <h2>{t('unitMove.oldUnit', { name: first.oldName ?? first.oldPath })}</h2>
      <p className="hint">
        {t('unitMove.oldPath', { path: first.oldPath })} · {t(`unitMove.reason_${first.reason}`)} ·{' '}
        {t('unitMove.records', { count: items.length })}
      </p>
      <fieldset>
        <legend>{t('unitMove.chooseNew')}</legend>
        {candidates.length > 0 ? (
          candidates.map((c) => (
            <label key={c.code} className="choice">
              <input
                type="radio"
                name={`${groupId}-unit`}
                value={c.code}
                checked={chosen === c.code}
                onChange={() => setChosen(c.code)}
              />{' '}
              {c.name} ({c.code})
            </label>
          ))
        ) : (
          <label>
            {t('unitMove.anyCommune')}
            <input
              inputMode="numeric"
              pattern="[0-9]{5}"
              value={chosen}
              onChange={(e) => setChosen(e.target.value.trim())}
            />
          </label>
        )}
      </fieldset>
      <details>
        <summary>{t('unitMove.recordsOfGroup')}</summary>
        <ul className="plain">
          {items.map((i) => (
            <li key={i.id}>
              <label>
                <input type="checkbox" checked={ticked.has(i.id)} onChange={() => toggle(i.id)} />{' '}
                {t('unitMove.record', {
                  table: t(`unitMove.tables.${i.table}`, { defaultValue: i.table }),
                  ref: i.id.slice(0, 8),
                })}
              </label>
            </li>
          ))}
        </ul>
      </details>
      <button
        type="button"
        className="btn-primary"
        disabled={busy || !chosen || ids.length === 0}
        onClick={() => onApply(ids, chosen, name)}
      >
        {busy ? t('unitMove.applying') : t('unitMove.apply', { count: ids.length })}
      </button>
    </li>
  );
}
