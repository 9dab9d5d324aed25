/**
 * @module channels/slack/prompts
 * The suggested prompts the Messages tab shows (set on app_home_opened, declared again in the manifest's
 * agent_view; a test checks the two agree). Kept apart from app.ts so the manifest test reads no Bolt code.
 */
export const SUGGESTED_PROMPTS_TITLE = '例 / Examples';
export const SUGGESTED_PROMPTS = [
  { title: 'サンプルを送る', message: '来月、北京理工大学に炭素繊維のサンプルを送りたいのですが' },
  { title: 'Host a visitor', message: 'We will host a visiting researcher from the University of Tehran next month' },
  { title: '該非判定とは？', message: '該非判定とは何ですか？' },
] as const;
