import * as Dialog from '@radix-ui/react-dialog';
import { Download, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { toast } from 'sonner';
import { SHOT_STATUSES } from '../../../shared/model/shot.ts';
import { DEFECT_TYPES } from '../../../shared/model/take.ts';
import type { SceneMetrics, TakeMetrics } from '../../../shared/takes/metrics.ts';
import { defectsByModelToCsv, metricsToCsv } from '../../../shared/takes/metricsCsv.ts';
import { STATUS_LABELS } from '../../canvas/canvasTheme.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import { useDocumentValue } from '../common/useDocumentValue.ts';
import { SegmentedControl } from '../takes/SegmentedControl.tsx';
import { DEFECT_LABELS } from '../takes/takeLabels.ts';
import { BarChart, StackedBarChart } from './charts.tsx';
import { downloadText } from './download.ts';
import {
  DEFECT_SERIES,
  PROJECT_SCOPE,
  STATUS_SERIES,
  csvFileName,
  defectRows,
  formatAmount,
  formatCostPerSecond,
  formatPercent,
  formatRatio,
  formatSeconds,
  hitRateBars,
  kpis,
  mattersToMetrics,
  progressRows,
  readMetrics,
  scopeOptions,
  scoped,
} from './metricsModel.ts';
import './metrics.css';

interface Props {
  readonly store: DocumentStore;
  readonly onClose: () => void;
}

/**
 * Utility metrics of the takes: hit rate, takes per select, cost per generated and per usable
 * second, defect frequency by model and progress by scene, for the project or one scene. Every
 * chart has its table behind it; "Export CSV" hands the numbers to a spreadsheet.
 */
export function MetricsView({ store, onClose }: Props) {
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="metrics-dialog" aria-describedby={undefined} data-testid="metrics-view">
          <MetricsBody store={store} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function MetricsBody({ store }: { readonly store: DocumentStore }) {
  const metrics = useDocumentValue(store, mattersToMetrics, readMetrics);
  const [scope, setScope] = useState(PROJECT_SCOPE);
  const options = scopeOptions(metrics);
  const known = options.some((o) => o.value === scope) ? scope : PROJECT_SCOPE;
  const view = scoped(metrics, known);
  const m = view.metrics;

  const exportCsv = (which: 'metrics' | 'defects') => {
    const name = csvFileName(store.settings.name, new Date()).replace(/\.csv$/, which === 'defects' ? ' defects by model.csv' : '.csv');
    downloadText(name, which === 'metrics' ? metricsToCsv(metrics) : defectsByModelToCsv(metrics));
    toast(`Exported ${name}`, { description: 'Saved through the browser’s download (look in your Downloads folder).' });
  };

  return (
    <>
      <header className="metrics-header">
        <Dialog.Title className="metrics-title">Take metrics</Dialog.Title>
        <label className="metrics-scope">
          <span className="sr-only">Scope</span>
          <select className="select" aria-label="Scope" value={known} onChange={(e) => setScope(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <span className="metrics-counts tabular">
          {m.shots} {m.shots === 1 ? 'shot' : 'shots'} · {m.takes} {m.takes === 1 ? 'take' : 'takes'}
        </span>
        <button type="button" className="btn" onClick={() => exportCsv('metrics')} title="The project and every scene, one row each (CSV)">
          <Download size={14} /> Export CSV
        </button>
        <Dialog.Close asChild>
          <button type="button" className="icon-btn" aria-label="Close metrics (Escape)" title="Close (Escape)">
            <X size={16} />
          </button>
        </Dialog.Close>
      </header>
      <div className="metrics-body">
        {m.takes === 0 ? (
          <p className="metrics-empty">
            No takes in {view.label === 'Whole project' ? 'this project' : view.label} yet. Import takes on a shot (Takes tab of the inspector) and judge them:
            the numbers appear here.
          </p>
        ) : null}
        <ul className="metrics-kpis" aria-label="Key numbers">
          {kpis(m).map((k) => (
            <li key={k.id} className="metrics-kpi" data-testid={`kpi-${k.id}`}>
              <span className="metrics-kpi-label">{k.label}</span>
              <span className={`metrics-kpi-values${k.values.length > 1 ? ' several' : ''}`}>
                {k.values.map((v) => (
                  <span key={v} className="metrics-kpi-value tabular" title={v}>
                    {v}
                  </span>
                ))}
              </span>
              <span className="metrics-kpi-detail tabular">{k.detail}</span>
            </li>
          ))}
        </ul>
        <div className="metrics-grid">
          <ChartCard
            title="Progress by scene"
            subtitle="Shots per status"
            chart={<StackedBarChart rows={progressRows(view.scenes)} series={STATUS_SERIES} ariaLabel="Shots per status, by scene" normalized />}
            table={<ProgressTable scenes={view.scenes} />}
            empty={view.scenes.length === 0 ? 'No shots yet.' : null}
          />
          <ChartCard
            title="Hit rate by scene"
            subtitle="Circle takes of generated takes"
            chart={
              <BarChart
                data={hitRateBars(view.scenes)}
                ariaLabel="Hit rate by scene"
                max={1}
                color="var(--verdict-select)"
                tickFormat={(v) => `${Math.round(v * 100)}%`}
              />
            }
            table={<HitRateTable scenes={view.scenes} />}
            empty={view.scenes.length === 0 ? 'No shots yet.' : null}
          />
          <ChartCard
            title="Defect frequency by model"
            subtitle="Defects tagged on generated takes"
            chart={<StackedBarChart rows={defectRows(m)} series={DEFECT_SERIES} ariaLabel="Defects by type, per model" />}
            table={<DefectTable metrics={m} />}
            empty={defectRows(m).length === 0 ? 'No defects tagged yet. Tag them in a take’s judgement (flicker, identity drift…).' : null}
            action={
              <button
                type="button"
                className="icon-btn"
                aria-label="Export defects by model as CSV"
                title="Export defects by model (CSV)"
                onClick={() => exportCsv('defects')}
              >
                <Download size={14} />
              </button>
            }
          />
          <ChartCard
            title="Cost per second"
            subtitle="Per cost unit: generated footage and usable (circle takes, trimmed)"
            chart={<CostChart metrics={m} />}
            table={<CostTable metrics={m} />}
            empty={m.costs.length === 0 ? 'No take has a cost yet. Enter it in the recipe (amount and unit).' : null}
          />
        </div>
      </div>
    </>
  );
}

interface CardProps {
  readonly title: string;
  readonly subtitle: string;
  readonly chart: ReactNode;
  readonly table: ReactNode;
  readonly empty: string | null;
  readonly action?: ReactNode;
}

/** A chart with its table behind it (Chart / Table). */
function ChartCard({ title, subtitle, chart, table, empty, action }: CardProps) {
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  return (
    <section className="metrics-card" aria-label={title}>
      <header className="metrics-card-header">
        <div className="metrics-card-titles">
          <h3 className="metrics-card-title">{title}</h3>
          <span className="metrics-card-subtitle">{subtitle}</span>
        </div>
        {action}
        <SegmentedControl
          ariaLabel={`${title}: chart or table`}
          value={mode}
          options={[
            { value: 'chart', label: 'Chart' },
            { value: 'table', label: 'Table' },
          ]}
          onChange={(next) => setMode(next ?? mode)}
        />
      </header>
      <div className="metrics-card-body">{empty ? <p className="metrics-card-empty">{empty}</p> : mode === 'chart' ? chart : table}</div>
    </section>
  );
}

function ProgressTable({ scenes }: { readonly scenes: readonly SceneMetrics[] }) {
  return (
    <table className="metrics-table">
      <thead>
        <tr>
          <th scope="col">Scene</th>
          {SHOT_STATUSES.map((s) => (
            <th key={s} scope="col" className="num">
              {STATUS_LABELS[s]}
            </th>
          ))}
          <th scope="col" className="num">
            Shots
          </th>
        </tr>
      </thead>
      <tbody>
        {scenes.map((s) => (
          <tr key={s.sceneId ?? 'outside'}>
            <th scope="row">{s.label}</th>
            {SHOT_STATUSES.map((status) => (
              <td key={status} className="num">
                {s.metrics.shotStatus[status]}
              </td>
            ))}
            <td className="num">{s.metrics.shots}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HitRateTable({ scenes }: { readonly scenes: readonly SceneMetrics[] }) {
  return (
    <table className="metrics-table">
      <thead>
        <tr>
          <th scope="col">Scene</th>
          <th scope="col" className="num">
            Generated
          </th>
          <th scope="col" className="num">
            Selects
          </th>
          <th scope="col" className="num">
            Hit rate
          </th>
          <th scope="col" className="num">
            Takes per select
          </th>
        </tr>
      </thead>
      <tbody>
        {scenes.map((s) => (
          <tr key={s.sceneId ?? 'outside'}>
            <th scope="row">{s.label}</th>
            <td className="num">{s.metrics.takesGenerated}</td>
            <td className="num">{s.metrics.selects}</td>
            <td className="num">{formatPercent(s.metrics.hitRate)}</td>
            <td className="num">{formatRatio(s.metrics.takesPerSelect)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DefectTable({ metrics }: { readonly metrics: TakeMetrics }) {
  const used = DEFECT_TYPES.filter((t) => metrics.defectsByModel.some((m) => (m.byType[t] ?? 0) > 0));
  return (
    <table className="metrics-table">
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col" className="num">
            Takes
          </th>
          <th scope="col" className="num">
            Defects
          </th>
          <th scope="col" className="num">
            Per take
          </th>
          {used.map((t) => (
            <th key={t} scope="col" className="num">
              {DEFECT_LABELS[t]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {metrics.defectsByModel.map((m) => (
          <tr key={m.model}>
            <th scope="row">{m.model}</th>
            <td className="num">{m.takes}</td>
            <td className="num">{m.defects}</td>
            <td className="num">{formatRatio(m.defectsPerTake)}</td>
            {used.map((t) => (
              <td key={t} className="num">
                {m.byType[t] ?? 0}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Cost per generated and per usable second, two bars per unit (units are never added together). */
function CostChart({ metrics }: { readonly metrics: TakeMetrics }) {
  return (
    <div className="metrics-cost-charts">
      {metrics.costs.map((c) => (
        <BarChart
          key={c.unit}
          ariaLabel={`Cost per second in ${c.unit}`}
          data={[
            { key: 'generated', label: `Generated (${c.unit})`, value: c.perGeneratedSecond, display: formatCostPerSecond(c.perGeneratedSecond, c.unit) },
            { key: 'usable', label: `Usable (${c.unit})`, value: c.perUsableSecond, display: formatCostPerSecond(c.perUsableSecond, c.unit) },
          ]}
          color="var(--accent)"
          tickFormat={(v) => String(Number(v.toPrecision(3)))}
        />
      ))}
    </div>
  );
}

function CostTable({ metrics }: { readonly metrics: TakeMetrics }) {
  return (
    <table className="metrics-table">
      <thead>
        <tr>
          <th scope="col">Unit</th>
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col" className="num">
            Takes
          </th>
          <th scope="col" className="num">
            Generated
          </th>
          <th scope="col" className="num">
            Usable
          </th>
          <th scope="col" className="num">
            Per generated s
          </th>
          <th scope="col" className="num">
            Per usable s
          </th>
        </tr>
      </thead>
      <tbody>
        {metrics.costs.map((c) => (
          <tr key={c.unit}>
            <th scope="row">{c.unit}</th>
            <td className="num">{formatAmount(c.total, c.unit)}</td>
            <td className="num">{c.takes}</td>
            <td className="num">{formatSeconds(c.generatedSeconds)}</td>
            <td className="num">{formatSeconds(c.usableSeconds)}</td>
            <td className="num">{formatCostPerSecond(c.perGeneratedSecond, c.unit)}</td>
            <td className="num">{formatCostPerSecond(c.perUsableSecond, c.unit)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
