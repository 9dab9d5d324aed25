/**
 * @module channels/slack/notifier
 * Case notices in Slack: to the requester in their original thread, and to the officer channel, where the
 * case card is posted once and then updated in place as the case moves (each notice also goes in its thread).
 */
import { WebClient } from '@slack/web-api';
import type { Case } from '../../cases/model.ts';
import type { Notice, Notifier } from '../../cases/ports.ts';
import type { ConversationContent } from '../../conversation/content.ts';
import { officerViewFrom } from '../../surfaces/officer-view.ts';
import type { ReplyContent } from '../../surfaces/reply-view.ts';
import type { SurveySender } from '../../survey/service.ts';
import { replyBlocks } from './blocks.ts';
import { slackClientOptions } from './construct.ts';
import { escapeMrkdwn, fallbackText } from './mrkdwn.ts';
import { officerCaseBlocks } from './officer-blocks.ts';

export const SLACK_OFFICER_REF = 'slackOfficerTs';

export function slackNotifier(
  client: WebClient,
  opts: {
    officerChannel: string | undefined;
    setRef: (caseId: string, key: string, value: string) => Promise<void>;
    /** The loaded conversation content: labels and the message catalogue for the officer's card. */
    content: () => ConversationContent;
  },
): Notifier {
  return {
    async toRequester(c: Case, n: Notice) {
      const t = c.requester.thread;
      if (!t?.channel) return;
      const lang = t.lang === 'en' ? 'en' : 'ja';
      await client.chat.postMessage({
        channel: t.channel,
        ...(t.ts ? { thread_ts: t.ts } : {}),
        text: `📣 ${escapeMrkdwn(n[lang])}`,
      });
    },
    async toOfficers(c: Case, n: Notice) {
      const channel = opts.officerChannel;
      if (!channel) return;
      const ts = c.refs?.[SLACK_OFFICER_REF];
      const blocks = officerCaseBlocks(officerViewFrom(c, opts.content()));
      // Notices carry officers' and researchers' words: escaped in the fallback text too (no <!channel>).
      const text = escapeMrkdwn(n.en);
      if (!ts) {
        const posted = await client.chat.postMessage({ channel, text, blocks });
        if (posted.ts) await opts.setRef(c.id, SLACK_OFFICER_REF, posted.ts);
        return;
      }
      await client.chat.update({ channel, ts, text, blocks });
      await client.chat.postMessage({ channel, thread_ts: ts, text });
    },
  };
}

/** The Web API client for notices, with the same options as the app's own client. */
export function createSlackWebClient(token: string, apiUrl: string | undefined): WebClient {
  return new WebClient(token, slackClientOptions(apiUrl));
}

/** Survey messages as DMs (a user id as channel opens the DM); buttons answer through the usual actions. */
export function slackSurveySender(client: WebClient, replyContent: () => ReplyContent): SurveySender {
  return {
    async send(principal, reply) {
      const user = principal.replace(/^slack:/, '');
      const lang = /[\u3040-\u30ff\u4e00-\u9fff]/u.test(reply.say) ? 'ja' : 'en';
      await client.chat.postMessage({
        channel: user,
        text: fallbackText(reply.say),
        blocks: replyBlocks(reply, `survey:${principal}`, lang, replyContent()),
      });
    },
  };
}
