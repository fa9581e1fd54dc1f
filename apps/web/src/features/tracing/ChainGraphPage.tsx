import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Graph } from '@phongdich/contracts/tracing';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';

const COLOURS = { case: '#c62828', f1: '#ef6c00', f2: '#f9a825' };

/**
 * Transmission chains drawn with cytoscape, loaded only on this page (its own chunk: other pages do not
 * grow). The layout is cytoscape's built-in force-directed one (cose), without animation, so a
 * 1,000-person chain is laid out once and stays readable (pan and zoom by touch).
 */
export default function ChainGraphPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const caseId = params.get('caseId') ?? undefined;
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const [candidates, setCandidates] = useState(params.get('candidates') === '1');
  const [graph, setGraph] = useState<Graph | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setError(null);
    api
      .get<Graph>('/api/tracing/graph', {
        caseId,
        from: from || undefined,
        to: to || undefined,
        includeCandidates: candidates || undefined,
      })
      .then(setGraph)
      .catch(setError);
  }, [caseId, from, to, candidates]);

  useEffect(() => {
    if (!graph || !box.current || graph.nodes.length === 0) return;
    let destroyed = false;
    let cy: { destroy(): void } | undefined;
    setDrawing(true);
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (destroyed || !box.current) return;
      const instance = cytoscape({
        container: box.current,
        elements: [
          ...graph.nodes.map((n) => ({
            data: {
              id: n.id,
              label: n.label,
              colour: n.kind === 'case' ? COLOURS.case : n.generation === 1 ? COLOURS.f1 : COLOURS.f2,
              kind: n.kind,
              generation: n.generation,
            },
          })),
          ...graph.edges.map((e) => ({
            data: { id: e.id, source: e.source, target: e.target, dashed: e.status === 'candidate' ? 1 : 0 },
          })),
        ],
        style: [
          {
            selector: 'node',
            style: {
              'background-color': 'data(colour)',
              label: graph.nodes.length <= 300 ? 'data(label)' : '',
              'font-size': 10,
              width: 14,
              height: 14,
            },
          },
          { selector: 'node[kind = "case"]', style: { width: 22, height: 22 } },
          { selector: 'edge', style: { width: 1, 'line-color': '#90a4ae', 'curve-style': 'haystack' } },
          { selector: 'edge[dashed = 1]', style: { 'line-style': 'dashed' } },
        ],
        layout: { name: 'cose', animate: false, numIter: graph.nodes.length > 500 ? 300 : 1000 },
        wheelSensitivity: 0.3,
      });
      instance.on('tap', 'node', (ev) => {
        const d = ev.target.data() as { label: string; kind: string; generation: number };
        setSelected(
          t('tracing.chain.selected', {
            label: d.label,
            kind:
              d.kind === 'case'
                ? t('tracing.chain.kindCase')
                : t('tracing.chain.kindContact', { n: d.generation }),
          }),
        );
      });
      cy = instance;
      setDrawing(false);
    });
    return () => {
      destroyed = true;
      cy?.destroy();
    };
  }, [graph, t]);

  const keep = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  return (
    <section>
      <h1>{t('tracing.chain.title')}</h1>
      <p>{t('tracing.chain.intro')}</p>
      <div className="filters">
        <label>
          {t('tracing.chain.from')}{' '}
          <input
            type="date"
            value={from}
            onChange={(e) => (setFrom(e.target.value), keep('from', e.target.value))}
          />
        </label>{' '}
        <label>
          {t('tracing.chain.to')}{' '}
          <input
            type="date"
            value={to}
            onChange={(e) => (setTo(e.target.value), keep('to', e.target.value))}
          />
        </label>{' '}
        <label>
          <input
            type="checkbox"
            checked={candidates}
            onChange={(e) => (
              setCandidates(e.target.checked),
              keep('candidates', e.target.checked ? '1' : '')
            )}
          />{' '}
          {t('tracing.chain.candidates')}
        </label>
      </div>
      <ErrorBanner error={error} />
      {graph && (
        <p data-testid="graph-size">
          {t('tracing.chain.nodes', { nodes: graph.nodes.length, edges: graph.edges.length })}
        </p>
      )}
      {graph?.truncated && <p className="badge badge-warn">{t('tracing.chain.truncated')}</p>}
      {graph && graph.nodes.length === 0 && <p>{t('tracing.chain.empty')}</p>}
      {drawing && <p role="status">{t('tracing.chain.loading')}</p>}
      {selected && <p data-testid="graph-selected">{selected}</p>}
      <div ref={box} className="chain-graph" data-testid="chain-graph" />
      {graph && graph.nodes.length > 0 && (
        <ul className="sr-only" aria-label={t('tracing.chain.title')}>
          {graph.nodes.map((n) => (
            <li key={n.id} data-testid="graph-node" data-kind={n.kind}>
              {n.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
