// A QR code as inline SVG, made at build time from qrcode's module matrix: no canvas, no file, no network.
import qrcode from 'qrcode/lib/core/qrcode.js';
import { escapeHtml } from '../../html.js';

/** Light modules around the code, as the QR standard asks, so that readers find it. */
const QUIET_ZONE = 4;

/** The dark modules of the QR code of `text`, one horizontal run per path segment. */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = qrcode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!modules.get(row, col)) continue;
      let run = 1;
      while (col + run < n && modules.get(row, col + run)) run++;
      d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`;
      col += run - 1;
    }
  }
  return { size: n + 2 * QUIET_ZONE, d };
}

/** An `<svg>` of the QR code of `text`, black on white (scanners want contrast, not the theme). */
export function qrSvg(text: string, label: string): string {
  const { size, d } = qrPath(text);
  return (
    `<svg class="dm-qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
