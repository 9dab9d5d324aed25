/**
 * @module channels/slack/ids
 * How Slack names map to ours: the acting user of a signed request is the principal `slack:<user id>`; a
 * conversation is one thread of one channel of one workspace.
 */
export const principalOf = (user: string): string => `slack:${user}`;

export const conversationIdOf = (team: string | undefined, channel: string, threadTs: string): string =>
  `slack:${team ?? '-'}:${channel}:${threadTs}`;
