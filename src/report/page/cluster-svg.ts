// Draws one state's ClusterView as an SVG string when the report is written: one column per node (controller and
// coordinator views tinted apart from the brokers' own), badges as pills, facts as lines, the log as cells
// (record above, offset and epoch below; committed, uncommitted and lost tinted) with HW/LEO markers on the cell
// boundaries, then the messages in flight and the run's notes underneath.

import type { ClusterView, NodeView } from '../../contract/view.ts';
import { esc, fit, label, textWidth } from './svg-text.ts';

const CELL = 40;
const PAD = 10;
const TONES: Record<string, string> = { leader: '#1f7a3a', member: '#2b6cb0', fenced: '#b7791f', down: '#9b2c2c', warn: '#c05621', info: '#555' };
const FILL: Record<string, string> = { committed: '#d8f0dc', uncommitted: '#fff', lost: '#f8d0d0' };
const BG: Record<string, string> = { controller: '#eef4fb', coordinator: '#f3effa', client: '#f7f7f2', node: '#fafafa' };

function columnWidth(n: NodeView): number {
  const logWidth = (n.log?.length ?? 0) * CELL + 2 * PAD + 20;
  const factWidth = Math.max(0, ...(n.facts ?? []).map(([k, v]) => textWidth(`${k}: ${v}`, 11))) + 2 * PAD;
  return Math.min(320, Math.max(170, logWidth, Math.min(factWidth, 300)));
}

function drawNode(n: NodeView, x: number, width: number, height: number): string {
  const out: string[] = [];
  const down = n.badges.some((b) => b.tone === 'down');
  out.push(`<g class="node${down ? ' down' : ''}" data-node="${esc(n.id)}">`);
  out.push(`<rect x="${x}" y="0" width="${width}" height="${height}" rx="6" fill="${BG[n.perspective ?? 'node']}" stroke="${down ? '#c99' : '#ccc'}"${down ? ' stroke-dasharray="4 3"' : ''}/>`);
  out.push(label(x + PAD, 18, fit(n.title ?? n.id, width - 2 * PAD, 13), 'font-weight="600" font-size="13"'));
  let y = 26;
  let bx = x + PAD;
  for (const b of n.badges) {
    const w = textWidth(b.text, 10) + 10;
    if (bx + w > x + width - PAD && bx > x + PAD) {
      bx = x + PAD;
      y += 18;
    }
    out.push(`<g class="badge badge-${b.tone}"><rect x="${bx}" y="${y}" width="${w}" height="15" rx="7" fill="${TONES[b.tone]}"/>`);
    out.push(`${label(bx + 5, y + 11, b.text, 'font-size="10" fill="#fff"')}</g>`);
    bx += w + 4;
  }
  y += n.badges.length > 0 ? 30 : 8;
  for (const [k, v] of n.facts ?? []) {
    out.push(label(x + PAD, y, fit(`${k}: ${v}`, width - 2 * PAD, 11), 'font-size="11" fill="#333"'));
    y += 14;
  }
  if (n.log !== undefined) {
    y += 4;
    const lx = x + PAD;
    if (n.log.length === 0) out.push(label(lx, y + 16, 'empty log', 'font-size="11" fill="#888" font-style="italic"'));
    for (const c of n.log) {
      const cx = lx + c.offset * CELL;
      out.push(`<g class="cell${c.tone ? ` cell-${c.tone}` : ''}"><rect x="${cx}" y="${y}" width="${CELL - 2}" height="24" fill="${FILL[c.tone ?? 'uncommitted']}" stroke="#999"/>`);
      out.push(`${label(cx + (CELL - 2) / 2, y + 16, fit(c.record, CELL - 4, 11), 'font-size="11" text-anchor="middle"')}`);
      out.push(`${label(cx + (CELL - 2) / 2, y + 35, `${c.offset}·e${c.epoch}`, 'font-size="8" fill="#777" text-anchor="middle"')}</g>`);
    }
    const seen = new Map<number, number>();
    for (const m of n.markers ?? []) {
      const slot = seen.get(m.offset) ?? 0;
      seen.set(m.offset, slot + 1);
      const mx = lx + m.offset * CELL - 1;
      out.push(`<g class="marker"><line x1="${mx}" y1="${y - 4}" x2="${mx}" y2="${y + 28}" stroke="#c33" stroke-width="2"/>`);
      out.push(`${label(mx + 2, y + 48 + slot * 11, `${m.name} ${m.offset}`, 'font-size="9" fill="#c33"')}</g>`);
    }
  }
  out.push('</g>');
  return out.join('');
}

function nodeHeight(n: NodeView, width: number): number {
  let badgeRows = 1;
  let bx = PAD;
  for (const b of n.badges) {
    const w = textWidth(b.text, 10) + 14;
    if (bx + w > width - PAD && bx > PAD) {
      badgeRows++;
      bx = PAD;
    }
    bx += w;
  }
  const markerRows = Math.max(0, ...[...new Set((n.markers ?? []).map((m) => m.offset))].map((o) => (n.markers ?? []).filter((m) => m.offset === o).length));
  return 26 + (n.badges.length > 0 ? 12 + 18 * badgeRows : 8) + (n.facts?.length ?? 0) * 14 + (n.log !== undefined ? 48 + markerRows * 11 : 0) + 6;
}

export function clusterSvg(view: ClusterView): string {
  const widths = view.nodes.map(columnWidth);
  const heights = view.nodes.map((n, i) => nodeHeight(n, widths[i]));
  const height = Math.max(40, ...heights);
  const out: string[] = [];
  let x = 0;
  view.nodes.forEach((n, i) => {
    out.push(drawNode(n, x, widths[i], height));
    x += widths[i] + 8;
  });
  let y = height + 18;
  const lines: [string, string][] = [];
  const inFlight = view.inFlight ?? [];
  if (inFlight.length === 0) lines.push(['in flight', 'nothing']);
  inFlight.slice(0, 8).forEach((m) => lines.push(['in flight', `${m.from} → ${m.to}: ${m.label}`]));
  if (inFlight.length > 8) lines.push(['in flight', `… and ${inFlight.length - 8} more`]);
  for (const note of view.notes ?? []) lines.push([note[0], note[1]]);
  const width = Math.max(x, 400);
  for (const [k, v] of lines) {
    out.push(`<text x="0" y="${y}" font-size="11"><tspan font-weight="600">${esc(k)}:</tspan> ${esc(fit(v, width - textWidth(k, 11) - 10, 11))}</text>`);
    y += 15;
  }
  return `<svg class="cluster" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="system-ui,sans-serif">${out.join('')}</svg>`;
}
