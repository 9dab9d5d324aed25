/**
 * @module channels/slack/requirements
 * Every event, command, action and scope the Slack adapter uses, in one place: the adapter registers its
 * listeners from these, and a test checks that manifest/slack/manifest.yaml declares all of them.
 */
export const SLACK_EVENTS = ['app_mention', 'message.im', 'app_home_opened'] as const;
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

/** Bot scopes, each for a reason: the Web API methods and events above need exactly these. */
export const SLACK_SCOPES = {
  'app_mentions:read': 'app_mention events',
  'im:history': 'message.im events (DMs with the bot)',
  'chat:write': 'chat.postMessage, chat.update, chat.postEphemeral',
  'chat:write.public': '/exportcheck in a public channel the bot has not joined (the thread root is posted there)',
  commands: 'the /exportcheck slash command',
  'assistant:write': 'assistant.threads.setStatus / setSuggestedPrompts',
} as const;
