/**
 * @module channels/slack/requirements
 * Every event, command, action and view the Slack adapter uses, in one place: the listeners are registered
 * with these ids and the blocks carry them; a test checks that manifest/slack/manifest.yaml declares the
 * events and the command. The bot scopes are not listed here: test/integration/slack-scopes.test.ts derives
 * them from the Web API methods the bot calls and the events it answers, and holds the manifest to exactly those.
 */
/** message.channels / message.groups: replies in a channel thread the bot started (from the requester only). */
export const SLACK_EVENTS = [
  'app_mention',
  'message.im',
  'message.channels',
  'message.groups',
  'app_home_opened',
] as const;
export const SLACK_COMMAND = '/exportcheck';
export const SLACK_ACTIONS = {
  choose: 'ec_choose',
  country: 'ec_country',
  correct: 'ec_correct',
  newCase: 'ec_new',
  claim: 'ec_claim',
  takeOver: 'ec_take_over',
  revise: 'ec_revise',
  decide: 'ec_decide',
  ask: 'ec_ask',
} as const;
export const SLACK_VIEWS = { decide: 'ec_decide_modal', ask: 'ec_ask_modal', faq: 'ec_faq_modal' } as const;
