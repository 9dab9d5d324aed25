/**
 * @module channels/slack/mrkdwn
 * Text for Slack, escaped exactly once and after any cut: mrkdwn needs &, < and > escaped (so user text such
 * as `<!channel>` is shown, never executed), a section holds at most 3,000 characters, a plain_text label 75
 * or 150. Cutting an escaped string could split `&amp;`; these helpers cut the raw text and escape the pieces.
 */
import type { PlainTextElement, SectionBlock } from '@slack/types';

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const escapedLength = (s: string) => escapeMrkdwn(s).length;

/** Cuts raw text so that its escaped form fits `max`, preferring a line break; returns [head, rest]. */
export function cutForSlack(raw: string, max: number): [string, string] {
  if (escapedLength(raw) <= max) return [raw, ''];
  let lo = 0;
  let hi = raw.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (escapedLength(raw.slice(0, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  const newline = raw.lastIndexOf('\n', lo);
  const cut = newline > lo / 2 ? newline : lo;
  return [raw.slice(0, cut), raw.slice(cut).replace(/^\n/, '')];
}

/** Raw text → mrkdwn sections of at most 3,000 escaped characters each. `bold` lines are already markup. */
export function mrkdwnSections(raw: string, opts: { heading?: string } = {}): SectionBlock[] {
  const out: SectionBlock[] = [];
  let rest = raw;
  let first = true;
  while (rest.length || first) {
    const heading = first && opts.heading ? `*${escapeMrkdwn(opts.heading)}*\n` : '';
    const [head, tail] = cutForSlack(rest, 3000 - heading.length);
    out.push({ type: 'section', text: { type: 'mrkdwn', text: `${heading}${escapeMrkdwn(head)}` || ' ' } });
    rest = tail;
    first = false;
  }
  return out;
}

/** A plain_text object (Slack escapes plain text itself), cut to the field's limit. */
export function plainText(text: string, max = 75): PlainTextElement {
  return { type: 'plain_text', text: [...text].slice(0, max).join('') || ' ', emoji: true };
}
