/**
 * @module conversation/dates
 * A date in the request ("2026-12-10", 「12月10日」, "December 10") for the case deadline: the shipment date or
 * visit start. A date without a year is the next such date from today.
 */
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export function findDate(text: string, today: Date): string | undefined {
  const t = text.normalize('NFKC');
  const iso = /(20\d{2})[-/年](\d{1,2})[-/月](\d{1,2})日?/.exec(t);
  if (iso) return fmt(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const ja = /(\d{1,2})月(\d{1,2})日/.exec(t);
  const en = new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{1,2})\\b`, 'i').exec(t);
  const md = ja
    ? [Number(ja[1]), Number(ja[2])]
    : en
      ? [MONTHS.indexOf(en[1]!.toLowerCase()) + 1, Number(en[2])]
      : undefined;
  if (!md) return undefined;
  const [m, d] = md as [number, number];
  let year = today.getUTCFullYear();
  if (Date.UTC(year, m - 1, d) < Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) year++;
  return fmt(year, m, d);
}

function fmt(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
