/**
 * @module screening/acronym
 * Whether a word is the acronym of a name: the name index reads a bracketed acronym as the entry's own, and the spans
 * read "Name (ACR)" as the name restated, not a second body.
 */
import { STOPWORDS } from './normalize.ts';

/** Whether `acronym` is the initials of a longer name ("HIT" for "Harbin Institute of Technology"). */
export function isAcronymOf(acronym: string, names: readonly string[]): boolean {
  const a = acronym.toLowerCase().replace(/[^a-z]/g, '');
  if (a.length < 2) return false;
  return names.some((n) => {
    const words = n
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean);
    if (words.length < 2) return false;
    const all = words.map((w) => w[0]).join('');
    const content = words
      .filter((w) => !STOPWORDS.has(w))
      .map((w) => w[0])
      .join('');
    return all.startsWith(a) || content.startsWith(a) || all.includes(a) || content.includes(a);
  });
}

/** A Latin name and an acronym in brackets after it, nothing else: "Digital Equipment Corporation (DEC)". */
const NAME_THEN_ACRONYM = /^\s*([A-Za-z][^()（）]{3,150}?)\s*[(（]\s*([A-Z][A-Za-z&.-]{1,9})\s*[)）]\s*$/u;

/**
 * "Communication University of China (CUC)": brackets holding the initials of the name before them restate that
 * name, so the acronym is not a second body beside it. The name and the acronym, or undefined for any other text.
 */
export function restatedAcronym(text: string): { name: string; acronym: string } | undefined {
  const m = NAME_THEN_ACRONYM.exec(text);
  return m && isAcronymOf(m[2]!, [m[1]!]) ? { name: m[1]!, acronym: m[2]! } : undefined;
}
