/**
 * @module channels/slack/texts
 * The sentences the Slack listeners still word themselves, in one place until they are read from the message
 * catalogue (src/surfaces/catalogue.ts: reply.safe_error, reply.usage, reply.correct_prompt, reply.checking).
 */
import type { Lang } from '../../conversation/types.ts';

/** A failed turn: no answer was given, and nothing of the failure is shown. */
export const SAFE_ERROR: Record<Lang, string> = {
  ja: '処理中にエラーが発生しました（APP.INTERNAL）。判定は出ていません。もう一度お試しください。',
  en: 'Something went wrong (APP.INTERNAL). No answer was given; please try again.',
};

/** `/exportcheck` without text. */
export const USAGE =
  'Usage: /exportcheck <what you plan to do> — e.g. /exportcheck 北京理工大学に炭素繊維のサンプルを送りたい';

/** After "Correct a fact": the correction is the next message in the thread. */
export const ASK_FOR_CORRECTION =
  '訂正をこのスレッドに書いてください（例：「送り先は韓国でした」）。 / Write the correction in this thread (e.g. "actually it goes to Korea").';

/** The assistant surface's status while a turn runs. */
export const CHECKING = 'checking…';
