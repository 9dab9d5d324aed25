/**
 * @module conversation/faq
 * Answers general questions ("what is 該非判定?", "whom do I contact?") from rules/conversation/faq.yaml.
 * Only a message that reads as a question and names a keyword gets an FAQ answer.
 */
import type { Catalogue } from '../surfaces/catalogue.ts';
import type { FaqEntry } from './content.ts';
import { QUESTION_CUE } from './lexicon.ts';
import type { Lang } from './types.ts';

export function matchFaq(text: string, faq: readonly FaqEntry[]): FaqEntry | undefined {
  if (!QUESTION_CUE.test(text)) return undefined;
  const t = text.normalize('NFKC').toLowerCase();
  return faq.find((e) =>
    [...e.keywords.ja, ...e.keywords.en].some((k) => t.includes(k.normalize('NFKC').toLowerCase())),
  );
}

export function renderFaq(entry: FaqEntry, lang: Lang, cat: Catalogue): string {
  return `${entry.answer[lang]}\n${cat.t('conversation.faq_sources', lang, { sources: entry.sources.join(' / ') })}`;
}
