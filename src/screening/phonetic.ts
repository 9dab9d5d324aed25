/**
 * @module screening/phonetic
 * A consonant-skeleton key that a Latin name and its katakana rendering share: Japanese inserts vowels
 * (Moscow → モスクワ mosukuwa), merges l/r, writes v as b (ヴ/ブ), -ng as ン and th as t. The key keeps the
 * consonants in order, folds those sound changes to one letter each and marks an initial vowel: シャリフ and
 * Sharif both become "srf", テヘラン and Tehran "trn", アシュタール and Ashtar "astr".
 */
import { toRomaji } from 'wanakana';

const VOWELS = /[aeiouy]/;

/** The key of one Latin word (or romanised katakana word). */
export function phoneticKey(word: string): string {
  let s = word
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (!s) return '';
  // An initial w before a, e, i or y is a consonant of the word (Warsaw ワルシャワ, Wien ウィーン), kept first in the key,
  // or ワルシャワ "rs" would be Rahsaz; before o or u it is the vowel's onset (Wuhan ウーハン, Wolf ウルフ).
  const initialW = /^w[aeiy]/.test(s);
  if (/^w[ou]/.test(s)) s = s.slice(1);
  const initialVowel = /^[aeiou]/.test(s);
  s = s
    // "-tion" is シ(ョン) in katakana: National → ナショナル.
    .replace(/ti(?=[oa])/g, 's')
    // Russian ч before к (Lavochkin, Zvyozdochka) is チ, romanised "chi" and keyed s like it: not the k of "ck".
    .replace(/ch(?=k)/g, 's')
    .replace(/tch/g, 'c')
    .replace(/dge/g, 'j')
    .replace(/ch/g, 'c')
    .replace(/sh/g, 's')
    .replace(/zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/gh/g, 'g')
    .replace(/ck/g, 'k')
    .replace(/qu?/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/dj/g, 'j')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/ng/g, 'n')
    // Russian -ov/-ev devoices to -オフ/-エフ in katakana: v before a consonant or at the end is f.
    .replace(/v(?=[^aeiouy]|$)/g, 'f')
    .replace(/[vw](?=[aeiouy])/g, (m) => (m === 'v' ? 'b' : 'w'))
    .replace(/l/g, 'r')
    .replace(/z/g, 's')
    .replace(/n(?=[bmp])/g, 'm');
  // h survives only at the start: Tehran and テヘラン differ in where the h sits, not in having it.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (VOWELS.test(ch) || ch === 'w' || (ch === 'h' && i > 0)) continue;
    if (out[out.length - 1] === ch) continue;
    out += ch;
  }
  return initialVowel ? `a${out}` : initialW ? `w${out}` : out;
}

/** A katakana word romanised as its key reads it: ウィ, ウェ, ウォ are wi, we, wo (ウィンキー is "Win Key", not "u-in"). */
function kanaRomaji(kana: string, longVowel = ''): string {
  return toRomaji(
    kana
      .replace(/ヴ/g, 'ブ')
      .replace(/ー/g, longVowel)
      .replace(/[・･\s]/g, '')
      .replace(/ウィ/g, 'ヰ')
      .replace(/ウェ/g, 'ヱ')
      .replace(/ウォ/g, 'ヲ'),
  );
}

/** The key of a katakana word: romanised with wanakana, then keyed like a Latin word. */
export function kanaKey(kana: string): string {
  return phoneticKey(kanaRomaji(kana));
}

/** Distinct non-empty keys, the first one first. */
function distinctKeys(keys: string[]): string[] {
  return [...new Set(keys)].filter(Boolean);
}

/**
 * The keys a katakana word may have: its own; with its long vowel ー read as an r, as a vowel and r before a
 * consonant are written (Tordan トーダン, Charter チャーター); ジオ as -dio (Radio ラジオ); ジェ as a Russian soft de
 * (Lebedev レベジェフ); and an initial ユ as the vowel u.
 */
export function kanaKeys(kana: string): string[] {
  const romaji = kanaRomaji(kana);
  const keys = [phoneticKey(romaji)];
  // A final long i (ジー, リー, シー: -gie, -ley, -sea) is a vowel, never the r of -er (ダルハウジー is not Dollezhal).
  const rless = /[キシチニヒミリギジビピィ]ー$/u.test(kana) ? kana.slice(0, -1) : kana;
  if (rless.includes('ー')) {
    // The last long vowel alone (コンピューター: computer), and every one (トーダン: Tordan).
    const last = rless.lastIndexOf('ー');
    keys.push(phoneticKey(kanaRomaji(`${rless.slice(0, last)}ル${rless.slice(last + 1)}`)));
    keys.push(phoneticKey(kanaRomaji(rless, 'ル')));
  }
  // ジオ is English and Russian -dio (Radio ラジオ).
  if (romaji.includes('jio')) keys.push(phoneticKey(romaji.replace(/jio/g, 'dio')));
  // ジェ is a Russian soft de (Lebedev レベジェフ, Medvedev メドヴェージェフ).
  if (romaji.includes('je')) keys.push(phoneticKey(romaji.replace(/je/g, 'de')));
  // An English initial u is said "yu" (United ユナイテッド, Union ユニオン, Euro ユーロ).
  if (romaji.startsWith('yu')) keys.push(phoneticKey(romaji.slice(1)));
  return distinctKeys(keys);
}

/**
 * The keys a Latin word may have in katakana: its own, and as Japanese renders some spellings: -ign is イン (Align
 * アライン, Design デザイン); ch is チ whatever the vowel after it (Chaek チェク); ti may be チ, as English -tic and
 * Russian -tika are written (Baltic バルチック, Logistika ロギスチカ); a final v may stay voiced (Negev ネゲヴ); kh may be
 * カ (Khan カーン); ch may be k (Tech テク), th s (Synthesis シンセシス); a final d may be ト (three consonants or more); wor- is
 * ワー (Works ワークス) and -eer ィア (Pioneers パイオニアズ). Each alone, and all together.
 */
export function latinKeys(word: string): string[] {
  const s = word
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const key = phoneticKey(s);
  if (!key) return [];
  const rules: ((x: string) => string)[] = [
    (x) => x.replace(/ign(?=[^aeiouy]|$)/g, 'in'),
    (x) => x.replace(/ch(?!k)/g, 'sh'),
    (x) => x.replace(/ti/g, 'chi'),
    // A final or pre-consonant v devoices to -フ in Russian names (Ivanov イワノフ), but Hebrew and Persian ones keep
    // it voiced, written ヴ/ブ (Negev ネゲヴ, Aviv アビブ).
    (x) => x.replace(/v(?=[^aeiouy]|$)/g, 'bu'),
    // Kh is カ as often as ハ (Khan カーン, Kharkevich ハルケビッチ), and フ after a vowel (Pakhsh パフシュ, Bakhtar バフタル).
    (x) => x.replace(/kh/g, 'k'),
    (x) => x.replace(/(?<=[aeiou])kh/g, 'f'),
    // English ch said k (Tech テク, Mechanical メカニカル) and th said s (Synthesis シンセシス, Smith スミス).
    (x) => x.replace(/ch/g, 'k'),
    (x) => x.replace(/th/g, 's'),
    // A Russian final d devoices and is written ト as often as ド (Razryad ラズリャート, Dalzavod ダリザヴォート); only
    // in a word of three consonants or more: on a shorter one it makes look-alikes (Azad 'ast' is ウースター's).
    (x) => (phoneticKey(x).replace(/^[aw]/, '').length >= 3 ? x.replace(/(?<=[aeiouy])d$/, 't') : x),
    // English wor- is ワー (Works ワークス, World ワールド): its w is a consonant there, as in wa.
    (x) => x.replace(/^wor/, 'war'),
    // English -eer is ィア (Engineer エンジニア, Pioneers パイオニアズ): no r written.
    (x) => x.replace(/eer(?=s?$)/, 'ea'),
  ];
  const variants = [key];
  let all = s;
  for (const rule of rules) {
    const v = rule(s);
    if (v !== s) variants.push(phoneticKey(v));
    all = rule(all);
  }
  if (all !== s) variants.push(phoneticKey(all));
  return distinctKeys(variants);
}

/** Whether two keys are the same sound: equal, or one edit apart when both are long enough to tell. */
export function phoneticMatch(a: string, b: string): boolean {
  if (a === b) return a.length >= 2;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1 || a[0] !== b[0]) return false;
  return oneEdit(a, b);
}

function oneEdit(a: string, b: string): boolean {
  if (a.length === b.length) {
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
    return true;
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  let j = 0;
  let skipped = false;
  while (i < s.length && j < l.length) {
    if (s[i] === l[j]) {
      i++;
      j++;
    } else if (skipped) return false;
    else {
      skipped = true;
      j++;
    }
  }
  return true;
}
