// Draws a trace as a sequence diagram (SVG string, at write time): one vertical lane per actor, one row per step
// with a numbered dot on the lane that acted, arrows from the row that sent a message to the row that delivered it,
// dropped messages dangling into an ×, messages still in flight running off the bottom, crash/restart marks, and
// the violating row banded red. Rows carry data-step so the page script can highlight the current one.

import type { StepInfo } from '../../contract/view.ts';
import type { Arrow } from './message-flow.ts';
import { esc, fit, label } from './svg-text.ts';

const LANE = 120;
const ROW = 30;
const LEFT = 40;
const TOP = 40;
const MARKS: Record<string, string> = { crash: '✕ crash', 'power-loss': '✕ power loss', restart: '↑ restart', shutdown: '↓ shutdown', expiry: '✕ session expired' };

export interface SequenceInput {
  readonly lanes: readonly string[];
  /** infos[i] describes step i; infos[0] is null (the initial state). */
  readonly infos: readonly (StepInfo | null)[];
  readonly arrows: readonly Arrow[];
  /** The step that breaks the property. */
  readonly violating: number | null;
}

export function sequenceSvg(input: SequenceInput): string {
  const { lanes, infos, arrows } = input;
  const laneX = (id: string): number => LEFT + Math.max(0, lanes.indexOf(id)) * LANE + LANE / 2;
  const rowY = (i: number): number => TOP + i * ROW + ROW / 2;
  const width = LEFT + lanes.length * LANE;
  const height = TOP + (infos.length + 1) * ROW;
  const out: string[] = [];
  out.push('<defs><marker id="ah" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#2b6cb0"/></marker></defs>');
  infos.forEach((_, i) => {
    const cls = `row${i === input.violating ? ' violating' : ''}`;
    out.push(`<rect class="${cls}" data-step="${i}" x="0" y="${TOP + i * ROW}" width="${width}" height="${ROW}" fill="${i === input.violating ? '#fde2e2' : i % 2 ? '#fafafa' : '#fff'}"/>`);
    out.push(label(LEFT - 8, rowY(i) + 4, i === 0 ? 'init' : String(i), 'font-size="11" text-anchor="end" fill="#666"'));
  });
  lanes.forEach((id) => {
    const x = laneX(id);
    out.push(`<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - 8}" stroke="#bbb"/>`);
    out.push(label(x, 20, fit(id, LANE - 8, 12), 'font-size="12" font-weight="600" text-anchor="middle"'));
  });
  for (const a of arrows) {
    const x1 = laneX(a.from);
    const y1 = rowY(a.sentAt);
    const x2 = laneX(a.to);
    const title = `<title>${esc(`${a.from} → ${a.to}: ${a.label} (sent at step ${a.sentAt}${a.deliveredAt !== null ? `, delivered at step ${a.deliveredAt}` : a.dropped ? ', dropped' : ', still in flight'})`)}</title>`;
    if (a.deliveredAt !== null) {
      out.push(`<g class="arrow delivered" data-from="${a.sentAt}" data-to="${a.deliveredAt}"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${rowY(a.deliveredAt)}" stroke="#2b6cb0" stroke-width="1.5" marker-end="url(#ah)"/>${title}</g>`);
    } else {
      const end = a.droppedAt !== null ? rowY(a.droppedAt) : height - 10;
      const mx = x1 + (x2 - x1) * 0.5;
      out.push(`<g class="arrow ${a.dropped ? 'dropped' : 'in-flight'}"><line x1="${x1}" y1="${y1}" x2="${mx}" y2="${end}" stroke="${a.dropped ? '#c33' : '#999'}" stroke-width="1.5" stroke-dasharray="5 3"/>`);
      out.push(`${a.dropped ? label(mx, end + 4, '✕', 'font-size="13" fill="#c33" text-anchor="middle"') : ''}${title}</g>`);
    }
  }
  infos.forEach((info, i) => {
    if (info === null) return;
    const x = laneX(info.actor);
    for (const e of info.exchanges ?? []) {
      out.push(`<g class="arrow exchange delivered"><line x1="${laneX(e.from)}" y1="${rowY(i) - 4}" x2="${laneX(e.to)}" y2="${rowY(i) - 4}" stroke="#2f855a" stroke-width="1.2" marker-end="url(#ah)"/><title>${esc(`${e.from} → ${e.to}: ${e.label} (within step ${i})`)}</title></g>`);
    }
    const mark = info.mark ? MARKS[info.mark] : '';
    out.push(`<g class="event${mark ? ' mark' : ''}" data-step="${i}"><circle cx="${x}" cy="${rowY(i)}" r="9" fill="${mark ? '#9b2c2c' : i === input.violating ? '#c33' : '#444'}"/>`);
    out.push(label(x, rowY(i) + 4, String(i), 'font-size="10" fill="#fff" text-anchor="middle"'));
    if (mark) out.push(label(x + 12, rowY(i) + 4, mark, 'font-size="10" fill="#9b2c2c"'));
    out.push(`<title>${esc(`${i}. ${info.text}`)}</title></g>`);
  });
  out.push(`<rect class="cursor" x="0" y="${TOP}" width="${width}" height="${ROW}" fill="none" stroke="#2b6cb0" stroke-width="2"/>`);
  return `<svg class="sequence" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui,sans-serif">${out.join('')}</svg>`;
}

/** Lanes in order of first appearance: the initial picture's nodes, then actors and message endpoints. */
export function lanesOf(nodeIds: readonly string[], infos: readonly (StepInfo | null)[], arrows: readonly Arrow[]): string[] {
  const lanes: string[] = [];
  const add = (id: string): void => {
    if (!lanes.includes(id)) lanes.push(id);
  };
  nodeIds.forEach(add);
  for (const info of infos) {
    if (!info) continue;
    add(info.actor);
    for (const e of info.exchanges ?? []) {
      add(e.from);
      add(e.to);
    }
  }
  for (const a of arrows) {
    add(a.from);
    add(a.to);
  }
  return lanes;
}
