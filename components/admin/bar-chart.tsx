// A horizontal bar chart drawn on the server as SVG (no chart service, no script): one bar per row,
// the label on the left and the figure at the bar's end. It is one image for assistive technology
// (role="img" with <title> and <desc>); the figures themselves are in the table next to it.
// Colours: #084450 bars and #0f172a text on white (contrast 10.9:1 and 17:1), printable in black
// and white.
import { useId } from 'react';

export interface BarChartProps {
  title: string;
  description: string;
  bars: { label: string; value: number }[];
}

const WIDTH = 640;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 56;
const BAR_HEIGHT = 22;
const GAP = 8;

function shorten(label: string, max = 32): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export function BarChart({ title, description, bars }: BarChartProps) {
  const id = useId();
  if (!bars.length) return null;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      className="report-chart"
      style={{ maxWidth: `${WIDTH}px`, height: 'auto' }}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, index) => {
        const y = GAP + index * (BAR_HEIGHT + GAP);
        const width = Math.round((bar.value / max) * span);
        return (
          <g key={`${bar.label}-${index}`}>
            <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="central" fontSize="13" fill="#0f172a">
              {shorten(bar.label)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={BAR_HEIGHT} fill="#084450" />
            <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="central" fontSize="13" fill="#0f172a">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
