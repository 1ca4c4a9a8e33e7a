import { useId } from "react";
import { useT } from "./admin-ui";

// A small, dependency-free horizontal bar chart in HTML and CSS (not SVG): labels and values are
// real text at the page's font size, so they stay legible on a phone instead of shrinking with a
// scaled viewBox. Each row reads "label: value" to assistive technology; the bars are decoration.

export interface BarDatum {
  label: string;
  value: number;
  /** bar color for this row (color by meaning: red only for what is urgent or failed) */
  color?: string;
}

export interface BarChartProps {
  title: string;
  data: readonly BarDatum[];
  /** formats values (default: integer with thousands separators) */
  format?: (value: number) => string;
  color?: string;
  /** one line under the title explaining the measure */
  description?: string;
}

/** Polaris-like data colors: neutral blue by default, red reserved for urgency. */
export const CHART_COLORS = { primary: "#4b6ee8", urgent: "#c5280c", warning: "#e8a300", neutral: "#8a8a8a", success: "#29845a" } as const;

export function BarChart({ title, data, format = (v) => v.toLocaleString("en-US"), color = CHART_COLORS.primary, description }: BarChartProps) {
  const id = useId();
  const t = useT().analytics;
  const max = Math.max(0, ...data.map((d) => d.value));
  return (
    <figure style={{ margin: 0 }} data-chart={title} aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`} style={{ fontWeight: 650, marginBottom: description ? 2 : 8 }}>
        {title}
      </figcaption>
      {description ? <p style={{ margin: "0 0 8px", color: "#616161", fontSize: 13 }}>{description}</p> : null}
      {data.length === 0 ? (
        <p style={{ margin: 0, color: "#616161" }}>{t.noData}</p>
      ) : (
        <ul
          style={{
            listStyle: "none",
            margin: 0,
            padding: 0,
            display: "grid",
            // Labels take at most 45 % (they wrap beyond), so a long reason never squeezes the bars to ticks on a phone.
            gridTemplateColumns: "fit-content(45%) minmax(0, 1fr)",
            gap: "6px 12px",
            alignItems: "center",
          }}
        >
          {data.map((d) => {
            const pct = max > 0 ? (d.value / max) * 100 : 0;
            return (
              <li key={d.label} data-bar={d.label} style={{ display: "contents" }}>
                <span style={{ fontSize: 13, lineHeight: "18px", overflowWrap: "anywhere" }}>
                  {d.label}
                  <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>: </span>
                </span>
                <span style={{ display: "flex", alignItems: "center", gap: 8, minWidth: 0 }}>
                  {/* The bar is a share of its own track, which is what the value leaves free: 3 stays three times 1 at any width. */}
                  <span style={{ flex: 1, minWidth: 0 }}>
                    <span
                      aria-hidden="true"
                      style={{ display: "block", height: 14, width: `${pct}%`, minWidth: d.value > 0 ? 3 : 0, background: d.color ?? color, borderRadius: 3 }}
                    />
                  </span>
                  <span style={{ fontSize: 13, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>{format(d.value)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
