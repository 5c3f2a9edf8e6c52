/**
 * Bar charts of the metrics view, drawn with visx (@visx/scale, @visx/shape, @visx/axis,
 * @visx/group): maintained, React-native SVG primitives over d3-scale. What we use tree-shakes to
 * about 55 KB minified (20 KB gzip), loaded only when the metrics view opens, where Recharts would bring its own component runtime and lodash, and uPlot (canvas,
 * time series) suits neither categorical bars nor a stacked status bar. Horizontal bars keep long
 * model and scene names readable. Colours come from the CSS tokens.
 */
import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useLayoutEffect, useRef, useState } from 'react';

const LABEL_WIDTH = 148;
const VALUE_WIDTH = 112;
const BAR_HEIGHT = 16;
const ROW_GAP = 10;
const AXIS_HEIGHT = 22;

/** The width of an element, followed as it resizes. */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Cuts a label to fit the label column (the full text is in the bar's tooltip and the table). */
function fit(label: string, max = 22): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export interface BarDatum {
  readonly key: string;
  readonly label: string;
  /** Null: no value (e.g. a hit rate with no judged takes): drawn as an empty row with "–". */
  readonly value: number | null;
  readonly display: string;
}

interface BarChartProps {
  readonly data: readonly BarDatum[];
  readonly ariaLabel: string;
  readonly color?: string;
  /** The value at the right end of the axis (1 for rates); the largest value when absent. */
  readonly max?: number;
  readonly tickFormat?: (value: number) => string;
}

/** One bar per row, value written after it. */
export function BarChart({ data, ariaLabel, color = 'var(--accent)', max, tickFormat }: BarChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const plotWidth = Math.max(40, width - LABEL_WIDTH - VALUE_WIDTH);
  const height = data.length * (BAR_HEIGHT + ROW_GAP) + AXIS_HEIGHT;
  const top = Math.max(max ?? 0, ...data.map((d) => d.value ?? 0));
  const x = scaleLinear<number>({ domain: [0, top > 0 ? top : 1], range: [0, plotWidth], nice: max === undefined });
  const y = scaleBand<string>({ domain: data.map((d) => d.key), range: [0, data.length * (BAR_HEIGHT + ROW_GAP)], padding: 0 });
  return (
    <div ref={ref} className="chart">
      {width > 0 ? (
        <svg width={width} height={height} role="img" aria-label={ariaLabel}>
          <Group left={LABEL_WIDTH}>
            {x.ticks(4).map((t) => (
              <line key={t} x1={x(t)} x2={x(t)} y1={0} y2={height - AXIS_HEIGHT} className="chart-grid" />
            ))}
            {data.map((d) => {
              const top = (y(d.key) ?? 0) + ROW_GAP / 2;
              const w = d.value === null ? 0 : Math.max(d.value > 0 ? 2 : 0, x(d.value));
              return (
                <g key={d.key}>
                  <text x={-8} y={top + BAR_HEIGHT / 2} className="chart-label" textAnchor="end" dominantBaseline="central">
                    <title>{d.label}</title>
                    {fit(d.label)}
                  </text>
                  <Bar x={0} y={top} width={w} height={BAR_HEIGHT} rx={2} style={{ fill: color }}>
                    <title>{`${d.label}: ${d.display}`}</title>
                  </Bar>
                  <text x={w + 6} y={top + BAR_HEIGHT / 2} className="chart-value" dominantBaseline="central">
                    {d.display}
                  </text>
                </g>
              );
            })}
            <AxisBottom
              top={height - AXIS_HEIGHT}
              scale={x}
              numTicks={4}
              tickFormat={(v) => (tickFormat ? tickFormat(Number(v)) : String(v))}
              axisClassName="chart-axis"
              tickLength={3}
              hideAxisLine={false}
              tickLabelProps={{ className: 'chart-tick', textAnchor: 'middle' }}
            />
          </Group>
        </svg>
      ) : null}
    </div>
  );
}

export interface StackSeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

export interface StackRow {
  readonly key: string;
  readonly label: string;
  readonly values: Readonly<Record<string, number>>;
}

interface StackedProps {
  readonly rows: readonly StackRow[];
  readonly series: readonly StackSeries[];
  readonly ariaLabel: string;
  /** Each row as shares of its total (a progress bar) instead of counts. */
  readonly normalized?: boolean;
}

/** One stacked bar per row (status counts per scene, defects per model), with a legend of the series used. */
export function StackedBarChart({ rows, series, ariaLabel, normalized = false }: StackedProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const plotWidth = Math.max(40, width - LABEL_WIDTH - VALUE_WIDTH);
  const height = rows.length * (BAR_HEIGHT + ROW_GAP) + AXIS_HEIGHT;
  const totals = rows.map((r) => series.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0));
  const top = normalized ? 1 : Math.max(1, ...totals);
  const x = scaleLinear<number>({ domain: [0, top], range: [0, plotWidth], nice: !normalized });
  const y = scaleBand<string>({ domain: rows.map((r) => r.key), range: [0, rows.length * (BAR_HEIGHT + ROW_GAP)], padding: 0 });
  const used = series.filter((s) => rows.some((r) => (r.values[s.key] ?? 0) > 0));
  return (
    <div ref={ref} className="chart">
      <ul className="chart-legend" aria-label="Legend">
        {used.map((s) => (
          <li key={s.key}>
            <span className="chart-swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      {width > 0 ? (
        <svg width={width} height={height} role="img" aria-label={ariaLabel}>
          <Group left={LABEL_WIDTH}>
            {x.ticks(4).map((t) => (
              <line key={t} x1={x(t)} x2={x(t)} y1={0} y2={height - AXIS_HEIGHT} className="chart-grid" />
            ))}
            {rows.map((row, i) => {
              const total = totals[i]!;
              const rowTop = (y(row.key) ?? 0) + ROW_GAP / 2;
              let offset = 0;
              return (
                <g key={row.key}>
                  <text x={-8} y={rowTop + BAR_HEIGHT / 2} className="chart-label" textAnchor="end" dominantBaseline="central">
                    <title>{row.label}</title>
                    {fit(row.label)}
                  </text>
                  {series.map((s) => {
                    const count = row.values[s.key] ?? 0;
                    if (count <= 0) return null;
                    const value = normalized ? count / total : count;
                    const from = offset;
                    offset += value;
                    const x0 = x(from);
                    const w = Math.max(1, x(offset) - x0 - 1);
                    return (
                      <Bar key={s.key} x={x0} y={rowTop} width={w} height={BAR_HEIGHT} style={{ fill: s.color }}>
                        <title>{`${row.label} · ${s.label}: ${count}`}</title>
                      </Bar>
                    );
                  })}
                  <text x={x(normalized ? (total > 0 ? 1 : 0) : total) + 6} y={rowTop + BAR_HEIGHT / 2} className="chart-value" dominantBaseline="central">
                    {total}
                  </text>
                </g>
              );
            })}
            <AxisBottom
              top={height - AXIS_HEIGHT}
              scale={x}
              numTicks={4}
              tickFormat={(v) => (normalized ? `${Math.round(Number(v) * 100)}%` : String(v))}
              axisClassName="chart-axis"
              tickLength={3}
              tickLabelProps={{ className: 'chart-tick', textAnchor: 'middle' }}
            />
          </Group>
        </svg>
      ) : null}
    </div>
  );
}
