/**
 * @module lists/aliases
 * Attaches the curated aliases of rules/screening/aliases.yaml to list entries. An alias is attached by list
 * and entry number when the entry's name still matches `entryName`; otherwise by `entryName` alone (a new
 * edition renumbered the list); an alias whose entry is gone is reported, never attached to a guess.
 */
import type { CuratedAlias } from '../screening/data.ts';
import type { ListEntry, ListFile } from '../screening/list-schema.ts';
import { normalizeName } from '../screening/normalize.ts';
import { type WholeAlias, wholeOnly } from '../screening/whole-aliases.ts';

export interface AliasAttachment {
  /** Alias names by `list#entry`, for the matcher. */
  byEntry: Map<string, string[]>;
  /** Every alias as a whole name by `list#entry`; the ambiguous short forms and the Hangul names are only there. */
  wholeByEntry: Map<string, WholeAlias[]>;
  /** Aliases attached by name to another entry number than the file says. */
  moved: { alias: CuratedAlias; entry: number }[];
  /** Aliases whose entry is on no loaded list any more (or whose list is not loaded). */
  detached: CuratedAlias[];
}

const BRACKETS = /\s*[(（][^()（）]*[)）]\s*/g;

/** The keys an entry answers to: its name with and without brackets, its local name and its aliases. */
function entryKeys(e: ListEntry): Set<string> {
  const names = [e.name, e.name.replace(BRACKETS, ' '), ...(e.localName ? [e.localName] : []), ...e.aliases];
  return new Set(names.map((n) => normalizeName(n).key).filter((k) => k !== '|'));
}

export function attachAliases(lists: readonly ListFile[], aliases: readonly CuratedAlias[]): AliasAttachment {
  const byEntry = new Map<string, string[]>();
  const wholeByEntry = new Map<string, WholeAlias[]>();
  const moved: AliasAttachment['moved'] = [];
  const detached: CuratedAlias[] = [];
  const byList = new Map(lists.map((l) => [l.list, l]));
  // Each list's entries by number (the first of a number, as a search from the start finds it).
  const byNumber = new Map<ListFile, Map<number, ListEntry>>();
  const numbered = (l: ListFile) => {
    let m = byNumber.get(l);
    if (!m) {
      m = new Map();
      for (const e of l.entries) if (!m.has(e.entry)) m.set(e.entry, e);
      byNumber.set(l, m);
    }
    return m;
  };
  const keysCache = new Map<ListEntry, Set<string>>();
  const keys = (e: ListEntry) => {
    const known = keysCache.get(e);
    if (known) return known;
    const k = entryKeys(e);
    keysCache.set(e, k);
    return k;
  };
  for (const a of aliases) {
    const list = byList.get(a.list);
    if (!list) {
      detached.push(a);
      continue;
    }
    const wanted = [normalizeName(a.entryName).key, normalizeName(a.entryName.replace(BRACKETS, ' ')).key];
    const answers = (e: ListEntry) => wanted.some((w) => keys(e).has(w));
    let entry = numbered(list).get(a.entry);
    if (!entry || !answers(entry)) {
      entry = list.entries.find(answers);
      if (entry) moved.push({ alias: a, entry: entry.entry });
    }
    if (!entry) {
      detached.push(a);
      continue;
    }
    const key = `${a.list}#${entry.entry}`;
    const names = byEntry.get(key) ?? [];
    const whole = wholeByEntry.get(key) ?? [];
    for (const n of a.names) {
      // Every alias is also met as the whole query; the ambiguous and the Hangul ones only so.
      whole.push({ name: n.name, ambiguous: n.whole === true });
      if (!wholeOnly(n) && !names.includes(n.name)) names.push(n.name);
    }
    if (names.length) byEntry.set(key, names);
    if (whole.length) wholeByEntry.set(key, whole);
  }
  // A name marked ambiguous anywhere for its entry is ambiguous everywhere: it leaves the matcher's names.
  for (const [key, whole] of wholeByEntry) {
    const ambiguous = new Set(whole.filter((w) => w.ambiguous).map((w) => w.name));
    if (!ambiguous.size) continue;
    wholeByEntry.set(
      key,
      whole.filter((w) => w.ambiguous || !ambiguous.has(w.name)),
    );
    const names = byEntry.get(key)?.filter((n) => !ambiguous.has(n));
    if (names?.length) byEntry.set(key, names);
    else byEntry.delete(key);
  }
  return { byEntry, wholeByEntry, moved, detached };
}
