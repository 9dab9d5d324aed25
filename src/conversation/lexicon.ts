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

export const RESET = /^\s*(reset|start over|restart|やり直し|やりなおし|リセット|最初から)/i;
export const NEW_CASE =
  /^\s*(new case|new question|another case|別の(件|相談|案件)|新しい(相談|案件)|新規(相談|案件))/i;
/** Hand the case to the export-control office now, with what is known so far. */
export const HANDOFF =
  /^\s*(担当者に(任せ|引き継|相談|回)|事務局に(任せ|引き継|相談|回)|輸出管理(担当|事務局)に(任せ|引き継|相談|回)|引き継いで|hand (it |this |the case )?(over )?to the (export[- ]control )?office|hand ?off|hand over|ask the office|send (it |this )?to the (export[- ]control )?office|let the office (decide|handle|check))/i;

/**
 * Answers that are not values: "I don't know the exact name yet, it's a small startup", "no one",
 * 「まだ決まっていません」. A name, a country or a description is never one of these.
 */
export const NON_ANSWER =
  /^(no ?one|nobody|none|n\/a|not (yet )?(decided|sure|known|fixed)|(i )?(do ?n[o']?t|dont) know|not yet|tbd|to be (decided|determined|confirmed)|(i )?(have )?no idea|i'?m not sure|(it'?s )?(a|some) (small )?(startup|company|firm|university|lab)\b|まだ(決まって|きまって|わかって|分かって)|未定|決まっていません|決まってない|誰も|だれも|なし$|特になし|いない|いません|不明|わかりません|分かりません|知りません)/i;
/** "It's my own laptop", 「自分のPC」: the researcher's own equipment, for their own use. */
export const OWN_USE =
  /(my (own |everyday |personal |usual |work )?(laptop|computer|pc|notebook|macbook)\b|my own (equipment|device)|it'?s mine|for my own use|own use|私物|自分の(ノート)?(PC|パソコン|ノートPC|ラップトップ|機器)|普段使いの(ノート)?(PC|パソコン)|自己使用|自分で使う|本人)/i;

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
    /(送る|送り|送っ|送付|送れ|発送|郵送|寄贈|移設|返送|譲渡|売却|貸与|貸し出|販売|輸出(する|したい|します|予定)|持ち出|持ち帰|持って行|持参|運ぶ|\b(ship|shipping|send|sending|mail|mailing|donate|donating|carry|carrying|bring|relocat\w*|return\w*|give|giving|sell|selling|lend|lending|loan|taking (my|our|a|the)|take (my|our|a|the))\b|(?<!licensed )\bexport(ing)?\b(?! of|[- ]control))/i,
  techNoun:
    /(データ|技術|資料|ノウハウ|図面|設計|ソースコード|プログラム|明細書|論文|ファイル|手法|情報|\b(data|datasets?|technology|technical|know-?how|drawings?|blueprints?|designs?|source code|code|software|program|specification|paper|files?|methods?|information|documents?)\b)/i,
  techVerb:
    /(指導|教え|共有|提供|投稿|発表|講義|授業|保存|開示|メールで|メール送信|閲覧|参加させ|研究に加わ|\b(teach|teaching|train|training|share|sharing|submit|present|upload|store|keep|disclose|lecture|email|e-mail|emailing|work on|join (our|the|my)|access to|give \w+ access)\b)/i,
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
