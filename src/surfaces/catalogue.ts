/**
 * @module surfaces/catalogue
 * The one message catalogue: every interface sentence a user sees in any channel (Slack, Teams, the terminal,
 * notices, the survey), in Japanese and English, read from rules/conversation/messages.yaml and validated by
 * zod at load. Legal content (outcome sentences, reasons, citations, FAQ answers) stays in the rules data.
 *
 * The keys are fixed here so the code is type-checked against them; the file must define every key, and a
 * placeholder `{name}` must appear in both languages, so no sentence can reach a user half-filled.
 */
import { z } from 'zod';
import { MESSAGE_KEYS, type MessageKey } from './message-keys.ts';

export type Lang = 'ja' | 'en';

export { MESSAGE_KEYS, type MessageKey };

const KEY_SET: ReadonlySet<string> = new Set(MESSAGE_KEYS);
/** For keys built from data (`advice.<fact>.<case type>`): whether the catalogue has such a sentence. */
export const isMessageKey = (key: string): key is MessageKey => KEY_SET.has(key);

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
const placeholders = (s: string) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();

const Message = z
  .strictObject({ ja: z.string().min(1), en: z.string().min(1) })
  .refine((m) => placeholders(m.ja).join() === placeholders(m.en).join(), {
    message: 'the Japanese and English sentences must have the same {placeholders}',
  });

export const MessagesFileSchema = z.strictObject({
  messages: z.strictObject(
    Object.fromEntries(MESSAGE_KEYS.map((k) => [k, Message])) as { [K in MessageKey]: typeof Message },
  ),
});
export type MessagesFile = z.infer<typeof MessagesFileSchema>;

export type Vars = Record<string, string | number>;

/** Looks sentences up and fills their placeholders; a missing variable is a programming error, thrown. */
export class Catalogue {
  constructor(private readonly messages: MessagesFile['messages']) {}

  t(key: MessageKey, lang: Lang, vars: Vars = {}): string {
    return this.messages[key][lang].replace(PLACEHOLDER, (_, name: string) => {
      const v = vars[name];
      if (v === undefined) throw new Error(`message ${key}: no value for {${name}}`);
      return String(v);
    });
  }

  /** Both languages, for texts that go to people whose language is not known (a shared officer channel). */
  both(key: MessageKey, vars: Vars = {}): { ja: string; en: string } {
    return { ja: this.t(key, 'ja', vars), en: this.t(key, 'en', vars) };
  }

  /** The placeholders a key takes, for the test that walks every sentence. */
  static placeholdersOf(text: string): string[] {
    return placeholders(text);
  }
}
