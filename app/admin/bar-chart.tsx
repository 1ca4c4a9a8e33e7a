import { useId } from "react";

// A small, dependency-free bar chart (inline SVG). @shopify/polaris-viz is not installed; this draws
// horizontal bars with text labels, an accessible name and per-bar <title>s, and always ships a
// data table beside it (the table is the accessible and printable fallback).

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  title: string;
  data: readonly BarDatum[];
  /** formats values for labels and the table (default: integer with thousands separators) */
  format?: (value: number) => string;
  /** label of the value column in the table */
  valueLabel?: string;
  color?: string;
}

const ROW = 26;
const LABEL_W = 210;
const VALUE_W = 70;
const WIDTH = 640;

export function BarChart({ title, data, format = (v) => v.toLocaleString("en-US"), valueLabel = "Count", color = "#2c6ecb" }: BarChartProps) {
  const id = useId();
  const max = Math.max(0, ...data.map((d) => d.value));
  const barSpace = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(ROW, data.length * ROW) + 4;
  const summary = data.map((d) => `${d.label}: ${format(d.value)}`).join("; ");
  return (
    <figure style={{ margin: 0 }} data-chart={title}>
      <figcaption id={`${id}-t`} style={{ fontWeight: 600, marginBottom: 6 }}>
        {title}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: "block" }}
      >
        <desc id={`${id}-d`}>{data.length ? summary : "No data"}</desc>
        {data.map((d, i) => {
          const w = max > 0 ? Math.max(d.value > 0 ? 2 : 0, (d.value / max) * barSpace) : 0;
          const y = i * ROW + 2;
          return (
            <g key={d.label}>
              <title>{`${d.label}: ${format(d.value)}`}</title>
              <text x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="12" fill="#303030">
                {d.label.length > 32 ? `${d.label.slice(0, 31)}…` : d.label}
              </text>
              <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 8} rx="3" fill={color} />
              <text x={LABEL_W + w + 6} y={y + ROW / 2 + 4} fontSize="12" fill="#303030">
                {format(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <details style={{ marginTop: 6 }}>
        <summary>Show as table</summary>
        <table style={{ borderCollapse: "collapse", marginTop: 6 }}>
          <caption style={{ position: "absolute", left: -9999 }}>{title}</caption>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: "left", padding: "2px 12px 2px 0" }}>
                Item
              </th>
              <th scope="col" style={{ textAlign: "right", padding: "2px 0" }}>
                {valueLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <td style={{ padding: "2px 12px 2px 0" }}>{d.label}</td>
                <td style={{ textAlign: "right", padding: "2px 0" }}>{format(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
