/**
 * @module conversation/phrasing-check
 * A deterministic guard on LLM phrasing, with its vocabulary as data (rules/conversation/guard.yaml): header
 * lines and fake outcome labels (【Outcome】, "# …", "Outcome:") are removed, and the whole text is dropped when
 * it holds clearing wording (許可不要, "go ahead and ship") under an escalating outcome, or escalating wording
 * under a clearing one. Then the template alone is shown.
 */
import { ESCALATING_OUTCOMES, type Outcome } from '../core/facts.ts';
import type { GuardContent } from './content.ts';

interface CompiledGuard {
  clearing: RegExp[];
  escalating: RegExp[];
  headers: RegExp[];
}

const compiled = new WeakMap<GuardContent, CompiledGuard>();

function compile(g: GuardContent): CompiledGuard {
  let c = compiled.get(g);
  if (!c) {
    const re = (s: string) => new RegExp(s, 'iu');
    c = {
      clearing: [...g.clearing.ja, ...g.clearing.en].map(re),
      escalating: [...g.escalating.ja, ...g.escalating.en].map(re),
      headers: g.headers.map(re),
    };
    compiled.set(g, c);
  }
  return c;
}

/** The text the patterns read: NFKC, straight apostrophes, markdown emphasis and extra spaces removed. */
export function foldForCheck(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’ʼ′`´]/gu, "'")
    .replace(/[*_~]+/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Removes header lines and bracketed labels; what is left is plain prose. */
export function stripHeaders(text: string, guard: GuardContent): string {
  const g = compile(guard);
  return text
    .split(/\r?\n/)
    .filter((line) => !g.headers.some((h) => h.test(line.normalize('NFKC'))))
    .map((line) => line.replace(/【[^】]{0,60}】/gu, '').replace(/^\s*[-*>]+\s+/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function contradictsOutcome(text: string, outcome: Outcome, guard: GuardContent): boolean {
  const g = compile(guard);
  const folded = foldForCheck(text);
  const list = ESCALATING_OUTCOMES.includes(outcome) ? g.clearing : g.escalating;
  return list.some((re) => re.test(folded));
}

/** The model's text as it may be shown, or undefined when it must not be. */
export function cleanPhrasing(text: string, outcome: Outcome, guard: GuardContent): string | undefined {
  const stripped = stripHeaders(text, guard).slice(0, 1500);
  if (!stripped) return undefined;
  // Checked on the raw text too: a header line may itself carry the clearing words.
  if (contradictsOutcome(text, outcome, guard) || contradictsOutcome(stripped, outcome, guard)) return undefined;
  return stripped;
}
