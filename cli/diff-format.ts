// `its diff` for people: text for a terminal (like the rest of the CLI) and Markdown for a pull-request
// comment (a summary line, risks first, a table of share changes, the behaviour table, the safe order).
import type { Answer, BehaviourRow, Comparison, Meaning } from '../src/core/compare/types';
import type { SimRequest } from '../src/core/simulate/types';
import { meaningPlace, type Side } from './diff-place';

type Sides = { base: Side; head: Side };
const MARK = { added: '+', removed: '-', changed: '~' } as const;

/** `GET http://reviews/ (end-user: jason) from default` — enough to run it again in the simulator. */
export function requestText(r: SimRequest): string {
  const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`);
  const query = Object.entries(r.query).map(([k, v]) => `${k}=${v}`);
  const via = r.gateway === 'mesh' ? `from ${r.sourceNamespace}` : `via ${r.gateway}`;
  const labels = Object.entries(r.sourceLabels).map(([k, v]) => `${k}=${v}`);
  return [
    `${r.method} ${r.scheme || 'http'}://${r.host}${r.port !== undefined ? `:${r.port}` : ''}${r.path}${query.length ? `?${query.join('&')}` : ''}`,
    headers.length ? `(${headers.join(', ')})` : '',
    via + (labels.length ? ` (${labels.join(',')})` : ''),
  ]
    .filter(Boolean)
    .join(' ');
}

function where(m: Meaning, sides: Sides): string {
  const at = meaningPlace(m, sides);
  return at ? ` (${at.file}:${at.line})` : '';
}

function answer(a: Answer): string {
  return a.text;
}

/** The text output: summary, risks, changes by resource with their meanings, behaviour, safe order. */
export function formatDiffText(c: Comparison, sides: Sides, colour: boolean): string {
  const red = (s: string): string => (colour ? `\x1b[31m${s}\x1b[0m` : s);
  const bold = (s: string): string => (colour ? `\x1b[1m${s}\x1b[0m` : s);
  const lines: string[] = [`${c.risk ? red('RISK') : 'OK'}: ${c.summary.text}`];
  for (const n of c.notes) lines.push(`Note: ${n}`);
  const risks = c.meanings.filter((m) => m.risk);
  if (risks.length) {
    lines.push('', bold('Risks'));
    for (const m of risks) lines.push(`  ${red('!')} ${m.text} [${m.resource}]${where(m, sides)}`);
  }
  if (c.resources.length) {
    lines.push('', bold('Changes'));
    for (const r of c.resources) {
      const fields = r.fields.length ? ` (${r.fields.join(', ')})` : '';
      lines.push(`  ${MARK[r.change]} ${r.ref} ${r.change}${fields}`);
      for (const m of r.meanings) lines.push(`      ${m.risk ? red('!') : '-'} ${m.text}${where(m, sides)}`);
    }
  }
  const others = c.meanings.filter((m) => !c.resources.some((r) => r.ref === m.resource));
  if (others.length) {
    lines.push('', bold('Effects on resources that did not change'));
    for (const m of others) lines.push(`  ${m.risk ? red('!') : '-'} ${m.text} [${m.resource || 'text'}]`);
  }
  if (c.behaviour.length) {
    lines.push('', bold('Requests that now go elsewhere'));
    for (const b of c.behaviour) {
      lines.push(`  ${b.risk ? red('!') : '-'} ${b.name}: ${requestText(b.request)}`);
      lines.push(`      before: ${answer(b.before)}`, `      after:  ${answer(b.after)}`);
    }
  }
  if (c.phases.length) {
    lines.push('', bold('Safe order (make before break)'));
    for (const p of c.phases) {
      lines.push(`  ${p.index}. ${p.title}`);
      if (p.apply.length) lines.push(`       kubectl apply -f: ${p.apply.join(', ')}`);
      for (const cmd of p.commands) lines.push(`       ${cmd}`);
    }
  }
  return lines.join('\n');
}

// Pipes and line breaks would end a Markdown table cell.
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function shareTable(c: Comparison): string[] {
  const rows = c.meanings.filter((m) => m.kind === 'share' && m.share);
  if (!rows.length) return [];
  const out = [
    '',
    '#### Share changes',
    '',
    '| host | requests | destination | before | after |',
    '|---|---|---|---:|---:|',
  ];
  for (const m of rows) {
    const s = m.share;
    if (!s) continue;
    const host = s.host.split('.')[0] ?? s.host;
    for (const d of s.deltas) {
      out.push(
        `| ${cell(host)} | ${cell(s.condition)} | ${cell(d.destination)} | ${d.before ?? 0}% | ${d.after ?? 0}% |`,
      );
    }
  }
  return out;
}

function behaviourTable(rows: readonly BehaviourRow[]): string[] {
  if (!rows.length) return [];
  const out = [
    '',
    '#### Requests that now go elsewhere',
    '',
    '| request | before | after |',
    '|---|---|---|',
  ];
  for (const b of rows) {
    const mark = b.risk ? '⚠️ ' : '';
    out.push(
      `| ${mark}${cell(b.name)}<br>\`${cell(requestText(b.request))}\` | ${cell(b.before.text)} | ${cell(b.after.text)} |`,
    );
  }
  return out;
}

/** Markdown for a pull-request comment. */
export function formatDiffMarkdown(c: Comparison, sides: Sides): string {
  const out: string[] = ['### Istio Traffic Studio: what this change does to traffic', ''];
  out.push(`${c.risk ? '**⚠️ Risk.** ' : '**✅ No risk found.** '}${c.summary.text}`);
  for (const n of c.notes) out.push('', `> ${n}`);
  const risks = c.meanings.filter((m) => m.risk);
  if (risks.length) {
    out.push('', '#### Risks', '');
    for (const m of risks) out.push(`- ⚠️ **${cell(m.resource)}**: ${m.text}${where(m, sides)}`);
  }
  out.push(...shareTable(c));
  if (c.resources.length) {
    out.push('', '#### Changes', '');
    for (const r of c.resources) {
      out.push(
        `- \`${MARK[r.change]}\` **${r.ref}** ${r.change}${r.fields.length ? ` (${r.fields.join(', ')})` : ''}`,
      );
      for (const m of r.meanings.filter((x) => !x.risk)) out.push(`  - ${m.text}`);
    }
  }
  out.push(...behaviourTable(c.behaviour));
  if (c.phases.length) {
    out.push('', '#### Safe order (make before break)', '');
    for (const p of c.phases) {
      const parts = [
        ...(p.apply.length ? [`apply ${p.apply.map((r) => `\`${r}\``).join(', ')}`] : []),
        ...p.commands.map((cmd) => `\`${cmd}\``),
      ];
      out.push(`${p.index}. **${p.title}**: ${parts.join('; ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}
