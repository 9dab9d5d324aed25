/**
 * @module screening/typed-text
 * What people type around a name that is never part of it, taken off or rewritten before the text is cut into spans:
 * chat tokens (mentions, addresses, domains), "M/s" before a firm, "Pak" after an acronym, and a title-case headline's
 * capitals.
 */

/**
 * What a chat message carries beside a name and is never one: a mention (@suzuki, @channel, Slack's <@U0123>), an
 * e-mail address, a URL or a bare domain in lower case (ut.ac.ir, hit.edu.cn). Each is a delimiter, so the name after
 * it is read alone ("@suzuki 哈工大さんとの打ち合わせ"; dev set mix14). Each alternative starts only where a word does (the
 * look-behinds), so a long run of letters is read once, not once per letter.
 */
const CHAT_TOKENS =
  /<@[A-Z0-9]+(?:\|[^>]*)?>|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/\S+|(?<![\p{L}\p{N}@.-])@[\p{L}\p{N}._-]+|(?<![\p{L}\p{N}@.-])(?:[a-z0-9-]+\.)+(?:edu|ac|com|org|net|gov|cn|ir|ru|jp|kp|pk|sy|by|ae|in|il|eg|hk|tw|kr)(?:\.[a-z]{2})?(?![\p{L}\p{N}.-])(?:\/\S*)?/gu;
/**
 * "Pak" for Pakistan after an acronym, as notes and badges write it ("SUPARCO Pak", "NUST Pak."; dev set en14): read as
 * Pakistan there only, so that it also says where the body is. Pak elsewhere is a Korean surname (Pak Jong Chol).
 */
const PAK_AFTER_ACRONYM = /\b([A-Z]{3,8})\s+Pak\.?(?=$|[\s,;)|])/gu;
/** "M/s" or "Messrs" before a firm's name, as Pakistani and Indian business letters write it (dev set cov5). */
const MESSRS = /^\s*(?:M\/s|Messrs)\.?\s+/iu;
/** The small words a title-case headline capitalises ("Harbin Institute Of Technology", "… To Entity List"). */
const HEADLINE_SMALL_WORDS: ReadonlySet<string> = new Set(
  'of and to for the in on over as at by with from into after a an'.split(' '),
);

/** The text without its chat tokens (CHAT_TOKENS), a delimiter where one stood between words; as typed without any. */
export function withoutChatTokens(query: string): string {
  if (!/[@.]/u.test(query)) return query;
  const bare = query.replace(CHAT_TOKENS, ' | ');
  return bare === query ? query : bare.replace(/^[\s|]+|[\s|]+$/gu, '').replace(/\s*(?:\|\s*)+/gu, ' | ');
}

/**
 * A Latin headline in title case ("US Blacklists Harbin Institute Of Technology") as a sentence would write it: its
 * small words and `headlineWords` (its verbs) in lower case. Any other text as it is.
 */
export function asSentence(text: string, headlineWords: ReadonlySet<string>): string {
  if (/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u.test(text) || !headlineWords.size) return text;
  const words = text.split(/\s+/u).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 4 || words.filter((w) => /^\p{Lu}/u.test(w)).length < words.length * 0.75) return text;
  return text.replace(/\b\p{Lu}\p{Ll}+\b/gu, (w) =>
    HEADLINE_SMALL_WORDS.has(w.toLowerCase()) || headlineWords.has(w.toLowerCase()) ? w.toLowerCase() : w,
  );
}

/**
 * The text as typed plainly: without its chat tokens or a leading "M/s", "Pak" after an acronym written out, a headline
 * as a sentence.
 */
export function typedPlainly(text: string, headlineWords: ReadonlySet<string>): string {
  return asSentence(
    withoutChatTokens(text).replace(PAK_AFTER_ACRONYM, '$1 Pakistan').replace(MESSRS, ''),
    headlineWords,
  );
}
