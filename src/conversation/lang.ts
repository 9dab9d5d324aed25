/**
 * @module conversation/lang
 * Per-message language: any kana or kanji means Japanese (mixed Japanese/English messages are Japanese),
 * otherwise English.
 */
import type { Lang } from './types.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/u;

export function detectLang(text: string): Lang | undefined {
  if (JAPANESE.test(text)) return 'ja';
  return /[A-Za-z]/.test(text) ? 'en' : undefined;
}
