/**
 * The bot scopes Slack requires, from Slack's method and event reference (docs.slack.dev/reference): for
 * each Web API method the bot may call and each event it may subscribe to. A method missing here fails the
 * scope test until its scope is looked up and added; `null` means Slack requires no scope for it.
 */
export const METHOD_SCOPES: Record<string, string | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'views.open': null,
  'assistant.threads.setStatus': 'assistant:write',
  'assistant.threads.setSuggestedPrompts': 'assistant:write',
  // Not called today (so im:write is not requested): the bot DMs a user by posting to the user id.
  'conversations.open': 'im:write',
};

/** Events API subscriptions (`message.<type>` by the channel type of the message event). */
export const EVENT_SCOPES: Record<string, string | null> = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.mpim': 'mpim:history',
  app_home_opened: null,
};

/** A slash command needs `commands`; posting in a public channel the bot is not a member of, `chat:write.public`. */
export const COMMAND_SCOPE = 'commands';
export const POST_IN_CHANNELS_NOT_JOINED = 'chat:write.public';

/** The Events API name of a delivered event: `message.im`, `message.channels`… for messages. */
export function subscriptionOf(ev: { type: string; channel_type?: string }): string {
  if (ev.type !== 'message') return ev.type;
  const plural: Record<string, string> = { im: 'im', channel: 'channels', group: 'groups', mpim: 'mpim' };
  return `message.${plural[ev.channel_type ?? ''] ?? ev.channel_type}`;
}
