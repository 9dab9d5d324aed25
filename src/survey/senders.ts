/**
 * @module survey/senders
 * The embedded survey sender: a survey message for a local user waits in their inbox (the terminal chat
 * prints it). Slack and Teams senders live in their channel folders.
 */
import type { Inbox } from '../cases/ports.ts';
import type { Reply } from '../conversation/types.ts';
import type { SurveySender } from './service.ts';

export function replyAsText(reply: Reply): string {
  const options = reply.ask?.options?.map((o, i) => `  ${i + 1}. ${o.label}`) ?? [];
  return [reply.say, ...options].join('\n');
}

export function inboxSurveySender(inbox: Inbox): SurveySender {
  return {
    send: async (principal, reply) => {
      const text = replyAsText(reply);
      await inbox.push(principal, { caseId: 'survey', at: new Date().toISOString(), ja: text, en: text });
    },
  };
}

/** Sends by the principal's channel: `slack:…` and `teams:…` to their senders, anything else to the inbox. */
export function routingSurveySender(
  byPrefix: Record<string, SurveySender | undefined>,
  fallback: SurveySender,
): SurveySender {
  return {
    send: (principal, reply) => (byPrefix[principal.split(':')[0] ?? ''] ?? fallback).send(principal, reply),
  };
}
