// A QR code as inline SVG, drawn on the server (npm `qrcode` computes the modules; no client
// JavaScript, no image request, sharp at any print resolution). Decoration for phones: the same
// address is always printed as text next to it, so the code itself is hidden from screen readers.
import QRCode from 'qrcode';

// One path: a rectangle per horizontal run of dark modules, inside a quiet zone of 4 modules
// (what scanners expect; the white margin is part of the drawing).
function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    let x = 0;
    while (x < modules.size) {
      if (!modules.data[y * modules.size + x]) {
        x += 1;
        continue;
      }
      let run = 1;
      while (x + run < modules.size && modules.data[y * modules.size + x + run]) run += 1;
      parts.push(`M${x + quiet} ${y + quiet}h${run}v1h-${run}z`);
      x += run;
    }
  }
  return { size: modules.size + 2 * quiet, d: parts.join('') };
}

export function QrCode({ value, className = 'size-24' }: { value: string; className?: string }) {
  const { size, d } = qrPath(value);
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      className={`shrink-0 ${className}`}
      aria-hidden="true"
      focusable="false"
      shapeRendering="crispEdges"
      data-qr={value}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
