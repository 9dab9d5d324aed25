/**
 * @module survey/report-files
 * The survey report for the office: CSV files (per department, per respondent, follow-ups) and an SVG bar
 * chart of response rate and labs holding controlled items by department, which opens in any browser.
 */
import { type CsvCell, toCsv } from '../exports/csv.ts';
import type { SurveyReport } from './service.ts';

/** Header row first; formula-escaped, with a BOM (exports/csv). */
function csv([header, ...rows]: readonly (readonly unknown[])[]): string {
  return toCsv(header as string[], rows as CsvCell[][]);
}

export function departmentsCsv(r: SurveyReport): string {
  return csv([
    ['department', 'invited', 'responded', 'in_progress', 'response_rate', 'labs_with_controlled_items'],
    ...r.byDepartment.map((d) => [
      d.department,
      d.invited,
      d.responded,
      d.inProgress,
      d.responseRate.toFixed(2),
      d.controlledLabs,
    ]),
  ]);
}

export function respondentsCsv(r: SurveyReport): string {
  return csv([
    ['principal', 'name', 'department', 'status', ...r.questions],
    ...r.respondents
      .slice()
      .sort((a, b) => a.department.localeCompare(b.department) || a.principal.localeCompare(b.principal))
      .map((s) => [s.principal, s.name, s.department, s.status, ...r.questions.map((q) => s.answers[q]?.value ?? '')]),
  ]);
}

export function followUpsCsv(r: SurveyReport): string {
  return csv([
    ['principal', 'name', 'department', 'lab', 'questions'],
    ...r.followUps.map((f) => [f.principal, f.name, f.department, f.lab, f.questions.join(' ')]),
  ]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Two bars per department: response rate (%) and labs reporting controlled items (count, on its own scale). */
export function chartSvg(r: SurveyReport): string {
  const rows = r.byDepartment;
  const rowH = 44;
  const left = 220;
  const width = 760;
  const barW = width - left - 80;
  const maxLabs = Math.max(1, ...rows.map((d) => d.controlledLabs));
  const height = 70 + rows.length * rowH + 30;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">`,
    `<title>${esc(r.campaign)}: response rate and labs with controlled items by department</title>`,
    `<text x="10" y="22" font-size="16" font-weight="bold">${esc(r.campaign)} — 回答率 / response rate, 該当品保有研究室 / labs with controlled items</text>`,
    `<rect x="${left}" y="34" width="12" height="12" fill="#457b9d"/><text x="${left + 18}" y="45">回答率 response rate (%)</text>`,
    `<rect x="${left + 220}" y="34" width="12" height="12" fill="#e63946"/><text x="${left + 238}" y="45">保有研究室 labs with controlled items (n)</text>`,
  ];
  rows.forEach((d, i) => {
    const y = 60 + i * rowH;
    const rate = Math.round(d.responseRate * 100);
    parts.push(
      `<text x="10" y="${y + 18}">${esc(d.department)} (${d.responded}/${d.invited})</text>`,
      `<rect x="${left}" y="${y + 4}" width="${(barW * d.responseRate).toFixed(1)}" height="16" fill="#457b9d"/>`,
      `<text x="${left + barW * d.responseRate + 6}" y="${y + 17}">${rate}%</text>`,
      `<rect x="${left}" y="${y + 22}" width="${((barW * d.controlledLabs) / maxLabs).toFixed(1)}" height="14" fill="#e63946"/>`,
      `<text x="${left + (barW * d.controlledLabs) / maxLabs + 6}" y="${y + 34}">${d.controlledLabs}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
