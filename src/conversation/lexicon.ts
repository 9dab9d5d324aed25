/**
 * @module conversation/lexicon
 * The words the deterministic path understands, in Japanese and English: answers (yes / no / I don't know),
 * commands (reset, new case), correction cues, case-type cues, and attempts to steer the outcome.
 */

/** Checked first: 「わからない」 contains ない and "I don't know" contains "no". */
export const UNKNOWN_ANSWER =
  /^(わから(ない|ん)|分から(ない|ん)|わかりません|分かりません|不明|知らない|知りません|まだ(わからない)?|未定|unknown|(i\s+)?(do\s*n[o']?t|dunno)\s*know|not\s+sure|no\s+idea|idk|unsure|\?+)/i;
export const YES_ANSWER =
  /^(はい|ええ|うん|そうです|そう|あります|する|します|yes|y|yeah|yep|sure|correct|right|true|ok|okay)(?![a-z])/i;
export const NO_ANSWER =
  /^(いいえ|いえ|いや|ない|なし|ありません|しません|しない|違います|no|n|nope|none|false|not)(?![a-z])/i;

export const RESET = /^(reset|start over|restart|やり直し|やりなおし|リセット|最初から)/i;
export const NEW_CASE = /^(new case|new question|別の(件|相談)|新しい(相談|案件))/i;

/** A message that corrects an earlier fact rather than answering the question asked. */
export const CORRECTION_CUE =
  /(^(あ|あっ|あの|すみません|失礼)[、,]|訂正|間違(い|え)|ではなく|じゃなくて|でした|の場合は|だったら|actually|sorry|correction|i meant|instead|what about|how about|not .+ but)/i;

/** Attempts to make the bot state an outcome; the outcome only ever comes from the rules. */
export const STEERING =
  /(ignore (all |your |the |previous )*(rules|instructions)|say (that )?(no|"no) licen[cs]e|tell me (that )?no licen[cs]e|answer (that )?no licen[cs]e|you must (say|answer)|許可不要と(答|言|回答|判定|し)|ルールを無視|指示を無視|規則を無視|不要と判定して)/i;

/** A message that reads as a general question (for the FAQ), not as an answer. */
export const QUESTION_CUE =
  /(とは|って何|ってなに|とは何|教えて|知りたい|誰に|どこに|what is|what's|what are|who (do|should|can)|how does|explain|\?|？)/i;

/**
 * Case-type cues. Hosting verbs make a visit; a shipping verb makes a shipment unless what is sent is
 * clearly technology (data, drawings, a specification); technology nouns or verbs otherwise make a
 * technology case. "Joint research" is context, not a cue: samples go to joint-research partners too.
 */
export const CASE_TYPE_CUES = {
  hosting:
    /(来訪|受け入れ|受入れ|受入|招へい|招聘|見学|観光客|インターンシップ|visit(or|ors|ing)?\b|host(ing)?\b|admit|invite|internship|tour\b)/i,
  shipVerb:
    /(送る|送り|送っ|送付|送れ|発送|郵送|寄贈|移設|返送|輸出(する|したい|します|予定)|持ち出|持ち帰|持って行|持参|運ぶ|\b(ship|shipping|send|sending|mail|mailing|donate|donating|carry|carrying|bring|relocat\w*|return\w*|taking (my|our|a|the)|take (my|our|a|the))\b|(?<!licensed )\bexport(ing)?\b(?! of|[- ]control))/i,
  techNoun:
    /(データ|技術|ノウハウ|図面|設計|ソースコード|プログラム|明細書|論文|ファイル|手法|情報|\b(data|technology|technical|know-?how|drawings?|designs?|source code|software|program|specification|paper|files?|methods?|information)\b)/i,
  techVerb:
    /(指導|教え|共有|提供|投稿|発表|講義|授業|保存|開示|\b(teach|teaching|train|training|share|sharing|submit|present|upload|store|keep|disclose|lecture|give .* access)\b)/i,
  goods:
    /(サンプル|試料|標本|装置|機器|部品|試薬|菌|株|細胞|材料|カメラ|パソコン|ノートPC|ドローン|試作品|書籍|教科書|文房具|印刷物|顕微鏡|遠心機|測定器|\b(samples?|specimens?|equipment|device|instrument|parts?|reagents?|strain|cells?|materials?|camera|laptop|drone|kit|prototype|books?|textbooks?|microscope|centrifuge)\b)/i,
};

/** The researcher carries it personally. */
export const HAND_CARRY =
  /(手荷物|ハンドキャリー|持って行|持参|持ち出|自分で運|hand-?carry|carry (it|them)|in my (luggage|bag)|taking my|take my|bring (it|them) (with me|myself))/i;
/** It comes back. */
export const TEMPORARY =
  /(持ち帰|戻って|返却|一時的|デモの後|展示後|come back|bring(ing)? (it|them) back|return(ed)? (to japan|afterwards)|temporar)/i;
export const PATENT = /(特許出願|patent (application|filing)|file a patent)/i;

/** English adjectives of nationality and short forms the country lookup does not hold ("a US university"). */
export const DEMONYMS: readonly [RegExp, string][] = [
  [/\b(US|USA|U\.S\.A?\.?|American)\b/, 'US'],
  [/\b(UK|British)\b/, 'GB'],
  [/\bNorth Korean\b/, 'KP'],
  [/\b(South )?Korean\b/, 'KR'],
  [/\bChinese\b/, 'CN'],
  [/\bTaiwanese\b/, 'TW'],
  [/\bIndian\b/, 'IN'],
  [/\bGerman\b/, 'DE'],
  [/\bFrench\b/, 'FR'],
  [/\bItalian\b/, 'IT'],
  [/\bDutch\b/, 'NL'],
  [/\bSwiss\b/, 'CH'],
  [/\bIranian\b/, 'IR'],
  [/\bRussian\b/, 'RU'],
  [/\bBelarusian\b/, 'BY'],
  [/\bThai\b/, 'TH'],
  [/\bVietnamese\b/, 'VN'],
  [/\bSingaporean\b/, 'SG'],
  [/\bAustralian\b/, 'AU'],
  [/\bCanadian\b/, 'CA'],
  [/\bPakistani\b/, 'PK'],
  [/\bIsraeli\b/, 'IL'],
  [/\bIndonesian\b/, 'ID'],
  [/\bMalaysian\b/, 'MY'],
  [/\b(Filipino|Philippine)\b/, 'PH'],
  [/\bBrazilian\b/, 'BR'],
  [/\bSyrian\b/, 'SY'],
  [/\bIraqi\b/, 'IQ'],
];
