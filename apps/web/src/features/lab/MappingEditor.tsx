import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { putJson } from './lab-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CT_TARGETS, type ColumnMapping, type CtTarget } from './types';

const DEFAULT: ColumnMapping = {
  barcodeColumn: 'Mã ống',
  resultColumn: 'Kết quả',
  resultValues: {
    positive: ['Dương tính', 'POS', 'Detected'],
    negative: ['Âm tính', 'NEG', 'Not detected'],
    invalid: ['Không xác định', 'Invalid'],
  },
};
const list = (s: string) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** The lab's saved column mapping: which columns hold the barcode, result, Ct values and kit. */
export function MappingEditor() {
  const { t } = useTranslation();
  const [m, setM] = useState<ColumnMapping>(DEFAULT);
  const [values, setValues] = useState({ positive: '', negative: '', invalid: '' });
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = (mapping: ColumnMapping) => {
    setM(mapping);
    setValues({
      positive: mapping.resultValues.positive.join(', '),
      negative: mapping.resultValues.negative.join(', '),
      invalid: mapping.resultValues.invalid.join(', '),
    });
  };
  useEffect(() => {
    api
      .get<ColumnMapping>('/api/lab/mappings')
      .then(load)
      .catch((e) =>
        e instanceof ApiError && e.code === 'LAB_MAPPING_MISSING' ? load(DEFAULT) : setError(e),
      );
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const ctColumns = Object.fromEntries(Object.entries(m.ctColumns ?? {}).filter(([, v]) => v && v.trim()));
    try {
      await putJson('/api/lab/mappings', {
        barcodeColumn: m.barcodeColumn,
        resultColumn: m.resultColumn,
        resultValues: {
          positive: list(values.positive),
          negative: list(values.negative),
          invalid: list(values.invalid),
        },
        ...(Object.keys(ctColumns).length ? { ctColumns } : {}),
        ...(m.kitColumn?.trim() ? { kitColumn: m.kitColumn.trim() } : {}),
      });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }
  const text = (label: string, value: string, set: (v: string) => void, id: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => set(e.target.value)} />
    </div>
  );
  const setCt = (k: CtTarget, v: string) => setM({ ...m, ctColumns: { ...m.ctColumns, [k]: v } });
  return (
    <details className="card">
      <summary>{t('lab.upload.mapping')}</summary>
      <form onSubmit={save}>
        {text(
          t('lab.upload.barcodeColumn'),
          m.barcodeColumn,
          (v) => setM({ ...m, barcodeColumn: v }),
          'map-barcode',
        )}
        {text(
          t('lab.upload.resultColumn'),
          m.resultColumn,
          (v) => setM({ ...m, resultColumn: v }),
          'map-result',
        )}
        {text(
          t('lab.upload.positiveValues'),
          values.positive,
          (v) => setValues({ ...values, positive: v }),
          'map-pos',
        )}
        {text(
          t('lab.upload.negativeValues'),
          values.negative,
          (v) => setValues({ ...values, negative: v }),
          'map-neg',
        )}
        {text(
          t('lab.upload.invalidValues'),
          values.invalid,
          (v) => setValues({ ...values, invalid: v }),
          'map-inv',
        )}
        {CT_TARGETS.map((k) =>
          text(
            t('lab.upload.ctColumn', { target: k }),
            m.ctColumns?.[k] ?? '',
            (v) => setCt(k, v),
            `map-ct-${k}`,
          ),
        )}
        {text(t('lab.upload.kitColumn'), m.kitColumn ?? '', (v) => setM({ ...m, kitColumn: v }), 'map-kit')}
        <button className="btn" type="submit">
          {t('lab.upload.saveMapping')}
        </button>
        {saved && <p className="alert alert-ok">{t('lab.upload.mappingSaved')}</p>}
        <ErrorBanner error={error} />
      </form>
    </details>
  );
}
