/**
 * @module channels/teams/bot
 * The Teams bot (botbuilder, end-of-life upstream: every botbuilder import stays in this folder). It only
 * translates: messages and card submissions become conversation turns, universal actions on the officer card
 * become case actions. The officer conversation for proactive sends is set by an admin command, never by an
 * activity; roles are checked against the activity's AAD object id, trusted because the activity is authenticated.
 */
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext as Turn,
  type TurnContext,
} from 'botbuilder';
import { activateActive, runAdminCommand } from '../../admin/commands.ts';
import { saveFaqEntry } from '../../admin/faq-edit.ts';
import type { Logger, Screener } from '../../app/ports.ts';
import type { Runtime } from '../../app/runtime.ts';
import type { Case } from '../../cases/model.ts';
import type { FaqEntry } from '../../conversation/content.ts';
import { matchFaq } from '../../conversation/faq.ts';
import { detectLang } from '../../conversation/lang.ts';
import { NEW_CASE, RESET } from '../../conversation/lexicon.ts';
import type { Lang, TurnInput } from '../../conversation/types.ts';
import { isCodedError } from '../../core/errors.ts';
import type { RuleRegistry } from '../../ruleset/registry.ts';
import { parseOfficerForm } from '../../surfaces/officer-form.ts';
import { OFFICER_LANG, officerViewFrom } from '../../surfaces/officer-view.ts';
import { answeredCard, faqCard, replyCard } from './cards.ts';
import { OFFICER_VERBS, officerCaseCard, REFRESH_VERB } from './officer-card.ts';

/**
 * Set only by `admin teams officer-here`. A new key: the old `teams:officer-ref` could be written by any
 * activity, so a reference kept under it is not trusted after an upgrade (an admin sets it again).
 */
export const TEAMS_OFFICER_REF_KEY = 'teams:officer-conversation';
/** Where a user's chat reference is kept, for proactive survey messages. */
export const teamsUserRefKey = (principal: string) => `teams:ref:${principal}`;

/** What a typed command does in this bot; the manifest's command list is checked against it. */
export function commandKind(text: string, faq: readonly FaqEntry[]): 'new' | 'reset' | 'faq' | 'admin' | undefined {
  if (/^admin\b/i.test(text)) return 'admin';
  if (NEW_CASE.test(text)) return 'new';
  if (RESET.test(text)) return 'reset';
  return matchFaq(text, faq) ? 'faq' : undefined;
}

function langOf(activity: TurnContext['activity'], text?: string): Lang {
  if (activity.locale?.toLowerCase().startsWith('ja')) return 'ja';
  if (activity.locale?.toLowerCase().startsWith('en')) return text ? (detectLang(text) ?? 'en') : 'en';
  return (text ? detectLang(text) : undefined) ?? 'ja';
}

export class ExportCheckTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly runtime: Runtime,
    private readonly log: Logger,
    private readonly officerConversationId: string | undefined,
    private readonly admin: { registry: RuleRegistry; screener: Screener; workingRulesDir: string },
    /** AAD object ids of the officers (from OFFICERS): only they get the refreshed officer card. */
    private readonly officerIds: readonly string[] = [],
  ) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.remember(ctx);
      await this.message(ctx);
      await next();
    });
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.remember(ctx);
      await next();
    });
  }

  private adminDeps() {
    return {
      registry: this.admin.registry,
      screener: this.admin.screener,
      audit: this.runtime.audit,
      roles: this.runtime.roles,
      activate: this.runtime.activate,
    };
  }

  /**
   * A user's chat reference is kept for proactive survey messages. The activity was authenticated (or, in
   * local development, names a connector on this machine), so its serviceUrl is one the Bot Framework gave.
   * The officer conversation is never taken from an activity: an admin sets it (`admin teams officer-here`).
   */
  private async remember(ctx: TurnContext): Promise<void> {
    if (ctx.activity.from?.aadObjectId && ctx.activity.conversation?.conversationType === 'personal')
      await this.runtime.values.set(
        teamsUserRefKey(this.principal(ctx)),
        JSON.stringify(Turn.getConversationReference(ctx.activity)),
      );
  }

  /**
   * Who acts: the AAD object id of the authenticated activity, the only id roles (`teams:<object id>`) are
   * checked against. An activity without one acts as nobody in particular and can hold no role.
   */
  private principal(ctx: TurnContext): string {
    const aad = ctx.activity.from?.aadObjectId;
    return aad ? `teams:${aad}` : `teams-anonymous:${ctx.activity.from?.id ?? '-'}`;
  }

  /** `admin teams officer-here`: an admin, in the conversation the escalations should go to. */
  private async officerHere(ctx: TurnContext, args: readonly string[]): Promise<string> {
    const actor = this.principal(ctx);
    if (!this.runtime.roles.isAdmin(actor))
      return (await runAdminCommand(this.adminDeps(), actor, args))?.join('\n') ?? 'ADMIN.FORBIDDEN';
    const conversation = ctx.activity.conversation;
    if (this.officerConversationId && conversation?.id !== this.officerConversationId)
      return `Not set: TEAMS_OFFICER_CONVERSATION names another conversation (${this.officerConversationId}); run this there.`;
    if (conversation?.conversationType === 'personal')
      return "Not set: run this in the officers' channel or group chat, not in a personal chat.";
    await this.runtime.values.set(TEAMS_OFFICER_REF_KEY, JSON.stringify(Turn.getConversationReference(ctx.activity)));
    await this.runtime.audit.append({
      at: new Date().toISOString(),
      type: 'admin.teams_officer_conversation',
      actor,
      data: { conversation: conversation?.id ?? '' },
    });
    const set = this.runtime.engine().content.messages.both('teams.officer_conversation_set');
    return `${set.en} / ${set.ja}`;
  }

  private async message(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    const value = a.value as Record<string, unknown> | undefined;
    let input: TurnInput;
    let lang = langOf(a, a.text);
    if (value && typeof value === 'object') {
      if (value.ec === 'officer') {
        await ctx.sendActivity(await this.officerAction(ctx, value));
        return;
      }
      if (value.ec === 'faq') {
        const r = await saveFaqEntry(
          { ...this.adminDeps(), workingRulesDir: this.admin.workingRulesDir },
          this.principal(ctx),
          (f) => (typeof value[f] === 'string' ? (value[f] as string) : undefined),
        );
        if (r.ok) activateActive(this.adminDeps());
        await ctx.sendActivity(r.ok ? r.message : `${r.field}: ${r.message}`);
        return;
      }
      const parsed = this.submission(value);
      if (!parsed) {
        await ctx.sendActivity(this.runtime.engine().content.messages.t('teams.card_unreadable', lang));
        return;
      }
      input = parsed;
      // The answered card is replaced in place, so its buttons cannot be pressed again.
      if ('choose' in parsed && a.replyToId)
        await ctx
          .updateActivity({
            type: 'message',
            id: a.replyToId,
            attachments: [CardFactory.adaptiveCard(answeredCard(parsed.choose))],
          })
          .catch(() => undefined);
    } else {
      const text = (Turn.removeRecipientMention(a) ?? a.text ?? '').trim();
      lang = langOf(a, text);
      if (/^admin\s+teams\s+officer-here\s*$/i.test(text)) {
        await ctx.sendActivity(await this.officerHere(ctx, text.split(/\s+/).slice(1)));
        return;
      }
      if (/^admin\b/i.test(text)) {
        const lines = await runAdminCommand(this.adminDeps(), this.principal(ctx), text.split(/\s+/).slice(1));
        await ctx.sendActivity(
          lines ? lines.join('\n') : MessageFactory.attachment(CardFactory.adaptiveCard(faqCard())),
        );
        return;
      }
      input = { text };
    }
    const reply = await this.runtime.conversation.handle(`teams:${a.conversation.id}`, input, {
      deliveryId: `teams:${a.id}`,
      requester: {
        principal: this.principal(ctx),
        channel: 'teams',
        thread: { ref: JSON.stringify(Turn.getConversationReference(a)), lang },
      },
    });
    if (!reply) return; // a repeated delivery: already answered
    const cardLang: Lang = /[\u3040-\u30ff\u4e00-\u9fff]/u.test(reply.say.slice(0, 40)) ? 'ja' : lang;
    await ctx.sendActivity(
      MessageFactory.attachment(
        CardFactory.adaptiveCard(replyCard(reply, cardLang, this.runtime.engine())),
        reply.say.split('\n')[0],
      ),
    );
  }

  private submission(value: Record<string, unknown>): TurnInput | undefined {
    if (value.ec === 'choose' && typeof value.v === 'string' && value.v)
      return {
        choose: value.v,
        ...(typeof value.f === 'string' ? { fact: value.f } : {}),
        ...(typeof value.t === 'number' ? { turn: value.t } : {}),
      };
    if (value.ec === 'text' && typeof value.text === 'string' && value.text.trim()) return { text: value.text };
    if (value.ec === 'new') return { text: 'new case' };
    return undefined;
  }

  /** Claim / Decide / Ask from the officer card; the role is checked on the server by AAD object id. */
  private async officerAction(ctx: TurnContext, data: Record<string, unknown>): Promise<string> {
    const r = await this.runOfficer(ctx, String(data.verb ?? ''), data);
    if (!this.runtime.roles.isOfficer(this.principal(ctx))) return r.note ?? 'CASE.FORBIDDEN';
    return r.note ?? `${r.case?.id}: ${r.case?.status}`;
  }

  private async runOfficer(
    ctx: TurnContext,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<{ case?: Case; note?: string }> {
    const caseId = String(data.caseId ?? '');
    const actor = this.principal(ctx);
    const cases = this.runtime.cases;
    const content = this.runtime.engine().content;
    const text = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : undefined);
    // One handler per verb of the officer card (channels/teams/officer-card.ts); the service checks the role.
    const handlers: Record<string, () => Promise<{ case?: Case; note?: string }>> = {
      [OFFICER_VERBS.claim]: async () => ({ case: (await cases.claim(caseId, actor)).case }),
      [OFFICER_VERBS.take_over]: async () => ({ case: (await cases.claim(caseId, actor, { takeOver: true })).case }),
      [OFFICER_VERBS.ask]: async () => {
        const question = (text('question') ?? text('detail') ?? '').trim();
        return { case: (await cases.decide(caseId, actor, { kind: 'more_information', question })).case };
      },
      [OFFICER_VERBS.decide]: () => decideWith(false),
      [OFFICER_VERBS.revise]: () => decideWith(true),
      [REFRESH_VERB]: async () => {
        await cases.requireOfficer(actor, caseId, 'view');
        const current = await cases.get(caseId);
        return current ? { case: current } : { note: 'CASE.NOT_FOUND' };
      },
    };
    const decideWith = async (revise: boolean) => {
      const form = parseOfficerForm(
        { kind: text('kind'), detail: text('detail'), result: text('result') },
        content.messages,
        OFFICER_LANG,
      );
      if (!form.ok) {
        await cases.requireOfficer(actor, caseId, 'decide');
        const current = await cases.get(caseId);
        return { ...(current ? { case: current } : {}), note: `CASE.INVALID_ACTION: ${form.message}` };
      }
      return { case: (await cases.decide(caseId, actor, form.decision, { revise })).case };
    };
    try {
      const handler = handlers[verb];
      if (!handler) return { note: `CASE.INVALID_ACTION: unknown action ${verb}` };
      return await handler();
    } catch (err) {
      if (!isCodedError(err)) {
        this.log.error({ err: err instanceof Error ? err.name : 'unknown' }, 'teams officer action failed');
        return { note: 'APP.INTERNAL: the action failed; nothing changed.' };
      }
      const current = await cases.get(caseId).catch(() => undefined);
      return { ...(current ? { case: current } : {}), note: `${err.code}: ${err.message}` };
    }
  }

  private officerCard(c: Case, note?: string) {
    const content = this.runtime.engine().content;
    return officerCaseCard(officerViewFrom(c, content), content.messages, {
      ...(note ? { note } : {}),
      officerIds: this.officerIds,
    });
  }

  /** Universal actions (Action.Execute): the refreshed card replaces the officer's card in place. */
  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const r = await this.runOfficer(ctx, value.action.verb, { ...(value.action.data as Record<string, unknown>) });
    // A refused actor gets the refusal only: never the card, whose facts, requester and hits are the officers'.
    if (!r.case || !this.runtime.roles.isOfficer(this.principal(ctx)))
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: r.note ?? 'done' } as never;
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: this.officerCard(r.case, r.note) as never,
    };
  }
}
