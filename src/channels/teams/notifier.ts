/**
 * @module channels/teams/notifier
 * Case notices in Teams, sent proactively: to the requester in their chat, and to the officer conversation
 * (whose reference an admin stored with `admin teams officer-here`), where the case card is sent once and
 * then updated in place.
 */
import { CardFactory, type CloudAdapter, type ConversationReference, MessageFactory } from 'botbuilder';
import type { KeyValueStore, Logger } from '../../app/ports.ts';
import type { Case } from '../../cases/model.ts';
import type { Notice, Notifier } from '../../cases/ports.ts';
import type { ConversationContent } from '../../conversation/content.ts';
import { officerViewFrom } from '../../surfaces/officer-view.ts';
import type { ReplyContent } from '../../surfaces/reply-view.ts';
import type { SurveySender } from '../../survey/service.ts';
import { TEAMS_OFFICER_REF_KEY, teamsUserRefKey } from './bot.ts';
import { replyCard } from './cards.ts';
import { officerCaseCard } from './officer-card.ts';

export const TEAMS_OFFICER_ACTIVITY = 'teamsOfficerActivity';

/** A stored reference, unless the mode forbids its connector (without auth: only one on this machine). */
function usableRef(
  raw: string | undefined,
  allow: ((url: string) => boolean) | undefined,
  log: Logger,
): Partial<ConversationReference> | undefined {
  if (!raw) return undefined;
  const ref = JSON.parse(raw) as Partial<ConversationReference>;
  if (allow && !allow(String(ref.serviceUrl ?? ''))) {
    log.warn({ code: 'TEAMS.SERVICE_URL_REFUSED' }, 'stored Teams reference names a connector this mode may not call');
    return undefined;
  }
  return ref;
}

export function teamsNotifier(opts: {
  adapter: CloudAdapter;
  appId: string;
  values: KeyValueStore;
  setRef: (caseId: string, key: string, value: string) => Promise<void>;
  log: Logger;
  allowServiceUrl?: (url: string) => boolean;
  /** The loaded conversation content: labels and the message catalogue for the officer's card. */
  content: () => ConversationContent;
  /** AAD object ids of the officers: only they get the refreshed card with its actions. */
  officerIds?: readonly string[];
}): Notifier {
  const { adapter, appId } = opts;
  return {
    async toRequester(c: Case, n: Notice) {
      const ref = usableRef(c.requester.thread?.ref, opts.allowServiceUrl, opts.log);
      if (!ref) return;
      const lang = c.requester.thread?.lang === 'en' ? 'en' : 'ja';
      await adapter.continueConversationAsync(appId, ref, async (ctx) => {
        await ctx.sendActivity(`📣 ${n[lang]}`);
      });
    },
    async toOfficers(c: Case, n: Notice) {
      const ref = usableRef(await opts.values.get(TEAMS_OFFICER_REF_KEY), opts.allowServiceUrl, opts.log);
      if (!ref) {
        opts.log.warn(
          { caseId: c.id },
          'no Teams officer conversation yet: an admin runs `admin teams officer-here` in it first',
        );
        return;
      }
      const existing = c.refs?.[TEAMS_OFFICER_ACTIVITY];
      const content = opts.content();
      const card = officerCaseCard(officerViewFrom(c, content), content.messages, {
        ...(opts.officerIds ? { officerIds: opts.officerIds } : {}),
      });
      const attachment = CardFactory.adaptiveCard(card);
      await adapter.continueConversationAsync(appId, ref, async (ctx) => {
        if (existing) {
          await ctx.updateActivity({ id: existing, type: 'message', attachments: [attachment] });
          await ctx.sendActivity(n.en);
          return;
        }
        const sent = await ctx.sendActivity(MessageFactory.attachment(attachment, n.en));
        if (sent?.id) await opts.setRef(c.id, TEAMS_OFFICER_ACTIVITY, sent.id);
      });
    },
  };
}

/** Survey messages in the user's Teams chat, through the reference kept from their last message. */
export function teamsSurveySender(opts: {
  adapter: CloudAdapter;
  appId: string;
  values: KeyValueStore;
  /** The rules and catalogue in force, for the reply card. */
  replyContent: () => ReplyContent;
  log: Logger;
}): SurveySender {
  return {
    async send(principal, reply) {
      const ref = await opts.values.get(teamsUserRefKey(principal));
      if (!ref) {
        opts.log.warn(
          { principal },
          'no Teams chat with this user yet: the survey invitation waits until they write to the bot',
        );
        return;
      }
      const lang = /[\u3040-\u30ff\u4e00-\u9fff]/u.test(reply.say) ? 'ja' : 'en';
      await opts.adapter.continueConversationAsync(
        opts.appId,
        JSON.parse(ref) as Partial<ConversationReference>,
        async (ctx) => {
          await ctx.sendActivity(
            MessageFactory.attachment(
              CardFactory.adaptiveCard(replyCard(reply, lang, opts.replyContent())),
              reply.say.split('\n')[0],
            ),
          );
        },
      );
    },
  };
}
