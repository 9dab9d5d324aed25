/**
 * @module lists/hygiene
 * Cleaning an imported edition before it is written: a local-name field holding several names is split
 * (the first stays, the others become aliases), a bracketed long form becomes aliases of its own, and junk
 * aliases are dropped (a lone "and", an address that leaked into the names, aliases made only of generic
 * words). An alias field the PDF importer filled with several names ("A; B; C", "イーステック Eastech Electronics")
 * is split, and the spaces a PDF line break left inside a Japanese word ("テクノ ロジー") are closed. A Latin alias
 * the PDF wrapped over two lines, read as two aliases ("… of the Ministry of Defence of the Russian" and, later in
 * the cell, "Federation"), is joined again (wrappedTails).
 * Deterministic, so re-importing the same source gives the same file; every change is reported.
 */
import type { ListEntry } from '../screening/list-schema.ts';
import { normalizeName, tokenWeight } from '../screening/normalize.ts';

export interface Cleaning {
  entries: ListEntry[];
  /** One line per change: "entry 98: dropped alias "and" (no name in it)". */
  report: string[];
}

/** Separators between several Japanese/Chinese names in one field, and the 別称 (a.k.a.) marker. */
const LOCAL_SPLIT = /[、，；;／]|\s+及び\s+|（別称、|\(別称、/u;
const ADDRESS = /^(所\s*在\s*地|address)\s*[：:]/iu;
/** "Rostec (Russian Technologies State Corporation)": a long form in brackets at the end. */
const BRACKETED_LONG = /^(.+?)\s*[(（]([^()（）]{8,})[)）]\s*$/u;

/**
 * Between two Japanese/Chinese characters a space is a PDF line break ("テクノ ロジー"), not a word gap, except
 * before or after a legal form, where one name ends and the next begins (「…ライトニング 株式会社…」).
 */
const CJK_LINE_BREAK =
  /(?<=[\p{sc=Katakana}\p{sc=Hiragana}\p{sc=Han}ー・])(?<!株式会社|有限会社|合同会社)[ \u3000]+(?!株式会社|有限会社|合同会社)(?=[\p{sc=Katakana}\p{sc=Hiragana}\p{sc=Han}ー・])/gu;
/** A trailing "; and" / ", and," the METI PDFs put before the last alias of a row. */
const TRAILING_AND = /[;,]?\s*\band,?\s*$/iu;
/**
 * A katakana name then a Latin one in one alias ("イーステック Eastech Electronics Ltd"): two names. Only with
 * katakana: 「有限会社 AMG LLC」 is one name, a legal form before it.
 */
const CJK_THEN_LATIN =
  /^([^A-Za-z0-9]*\p{sc=Katakana}[^A-Za-z0-9]*?)\s+([A-Z][A-Za-z0-9'’.&-]*(?:\s+[A-Za-z0-9'’.&-]+)+)$/u;

/** A piece that starts in lower case ("of New Technologies", "after V.V. Bakhirev") is the tail of a wrapped line. */
const CONTINUATION = /^\p{Ll}/u;

/** The names one imported alias field holds: split at semicolons and at a Japanese-then-Latin boundary. */
export function aliasNames(alias: string): string[] {
  const closed = alias.replace(CJK_LINE_BREAK, '');
  // An address is dropped whole as junk below: splitting it would keep its street as a "name".
  if (ADDRESS.test(closed)) return [alias];
  return closed
    .split(/\s*[;；]\s*/u)
    .map((p) => p.replace(TRAILING_AND, '').trim())
    .filter(Boolean)
    .flatMap((p) => {
      const m = CJK_THEN_LATIN.exec(p);
      return m ? [m[1]!.trim(), m[2]!.trim()] : [p];
    })
    .filter((p, _, parts) => parts.length === 1 || !CONTINUATION.test(p));
}

/**
 * A Latin alias cut at a line end: it ends on a word that cannot end a name (of, the, and, named after, imeni…)
 * or on a person's initials ("named after G. A", "imeni R.E").
 */
const DANGLING = /\b(?:of|the|and|for|named after|after|imeni|im\.?|russian)\s*$/iu;
const INITIALS_END = /\b\p{Lu}\.\s?\p{Lu}\.?\s*$/u;
/**
 * Words that name no one alone: the generic words (weight below 1) and the state words a wrapped line leaves on
 * its own ("Federation", "Defence"). A Latin alias of only these, in an entry with a cut alias, is that alias's
 * tail; on the Russia list, "Federation" alone made every "… of the Russian Federation" an exact hit.
 */
const STATE_WORDS = new Set(['federation', 'defence', 'defense', 'ministry']);
const SURNAME = /^\p{Lu}\p{Ll}{2,}$/u;

function isTailOf(tail: string, cut: string): boolean {
  if (!/^[A-Za-z][A-Za-z .&'’-]*$/u.test(tail)) return false;
  if (INITIALS_END.test(cut)) return SURNAME.test(tail);
  const tokens = normalizeName(tail).tokens;
  return tokens.length > 0 && tokens.every((t) => tokenWeight(t) < 1 || STATE_WORDS.has(t));
}

/**
 * A line cut where a name may end ("…Institute of Electrical Carbon"): a lone generic word is its tail when the
 * two lines' meeting ("Carbon Products") is in the entry's name.
 */
function continuesName(tail: string, cut: string, name: string): boolean {
  const tokens = normalizeName(tail).tokens;
  if (tokens.length !== 1 || tokenWeight(tokens[0]!) >= 1) return false;
  const last = cut.trim().split(/\s+/u).pop()!;
  return name.toLowerCase().includes(`${last} ${tail.trim()}`.toLowerCase());
}

/**
 * Joins each cut alias with the first later alias that reads as its tail, in order (the PDF puts a cell's wrapped
 * tails after its other lines), and drops the tails: "…Research Institute of the" + "Ministry of Defence of the
 * Russian Federation". A cut alias with no tail stays as it is: a shortened name still finds its entry.
 */
export function wrappedTails(
  aliases: readonly string[],
  name: string,
): { aliases: string[]; joined: [string, string][] } {
  const out = [...aliases];
  const used = new Set<number>();
  const joined: [string, string][] = [];
  for (let i = 0; i < out.length; i++) {
    const cut = out[i]!;
    if (used.has(i) || !/^[A-Za-z0-9]/u.test(cut)) continue;
    const dangling = DANGLING.test(cut) || INITIALS_END.test(cut);
    const j = out.findIndex(
      (tail, k) => k > i && !used.has(k) && (dangling ? isTailOf(tail, cut) : continuesName(tail, cut, name)),
    );
    if (j < 0) continue;
    used.add(j);
    joined.push([cut, out[j]!]);
    out[i] = `${cut} ${out[j]!}`;
  }
  return { aliases: out.filter((_, k) => !used.has(k)), joined };
}

function junkReason(alias: string): string | undefined {
  const text = alias.trim();
  if (ADDRESS.test(text)) return 'an address, not a name';
  const n = normalizeName(text);
  const content = n.tokens.filter((t) => tokenWeight(t) > 0);
  if (!n.cjk && content.length === 0) return 'no name in it';
  if (!n.cjk && text.length < 2) return 'too short';
  return undefined;
}

export function cleanEntries(entries: readonly ListEntry[]): Cleaning {
  const report: string[] = [];
  const cleaned = entries.map((e) => {
    const note = (msg: string) => report.push(`entry ${e.entry}: ${msg}`);
    let localName = e.localName;
    const extra: string[] = [];
    // Only a field that reads as a list of names: a sentence (。) or an open bracket is one description.
    const balanced = (s: string) => (s.match(/[(（]/gu) ?? []).length === (s.match(/[)）]/gu) ?? []).length;
    if (localName && (/別称、/u.test(localName) || (!/。/u.test(localName) && balanced(localName)))) {
      const parts = localName
        .split(LOCAL_SPLIT)
        .map((p) => p.replace(/[)）]\s*$/u, '').trim())
        .filter(Boolean);
      if (parts.length > 1 && parts.every(balanced)) {
        localName = parts[0];
        extra.push(...parts.slice(1));
        note(
          `split local name into "${parts[0]}" and alias(es) ${parts
            .slice(1)
            .map((p) => `"${p}"`)
            .join(', ')}`,
        );
      }
    }
    const long = BRACKETED_LONG.exec(e.name);
    if (
      long &&
      !/^[A-Z0-9 &.-]+$/.test(long[2]!.trim()) &&
      !/branch|office|formerly|former|previously|、/iu.test(long[2]!)
    ) {
      extra.push(long[1]!.trim(), long[2]!.trim());
      note(`bracketed long form of the name as aliases "${long[1]!.trim()}", "${long[2]!.trim()}"`);
    }
    const aliases: string[] = [];
    const read = e.aliases.flatMap((a) => {
      const names = aliasNames(a);
      if (names.length !== 1 || names[0] !== a)
        note(`alias "${a}" read as ${names.map((n) => `"${n}"`).join(', ') || 'no name'}`);
      return names;
    });
    const { aliases: split, joined } = wrappedTails(read, e.name);
    for (const [cut, tail] of joined) note(`joined the wrapped alias "${cut}" with its tail "${tail}"`);
    for (const a of [...split, ...extra]) {
      const reason = junkReason(a);
      if (reason) {
        note(`dropped alias "${a}" (${reason})`);
        continue;
      }
      if (a === e.name || a === localName || aliases.includes(a)) continue;
      aliases.push(a);
    }
    const { localName: _old, ...rest } = e;
    return { ...rest, ...(localName ? { localName } : {}), aliases };
  });
  return { entries: cleaned, report };
}
