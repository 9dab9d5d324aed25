/**
 * @module survey/service
 * Running the annual survey through the bot: invite users (any channel), take their answers in the chat
 * with partial answers saved, remind those who have not finished, report per department, and give the
 * triage what a lab reported. Audit records name the campaign and the question, never the answer.
 */
import type { AuditLog } from '../audit/log.ts';
import { addBusinessHours, type IsHoliday } from '../cases/business-hours.ts';
import type { SurveyTurn } from '../conversation/service.ts';
import type { Lang, Reply, TurnInput } from '../conversation/types.ts';
import type { EvaluationContext } from '../core/evaluate.ts';
import type { Catalogue, MessageKey } from '../surfaces/catalogue.ts';
import {
  type Campaign,
  followUps,
  nextQuestion,
  normalizeLab,
  readAnswer,
  type SurveyQuestion,
  YES_NO_UNKNOWN,
} from './campaign.ts';
import type { SurveySession, SurveyStore } from './store.ts';

/** Delivers a survey message to a user on their channel (Slack DM, Teams chat, terminal inbox). */
export interface SurveySender {
  send(principal: string, reply: Reply): Promise<void>;
}

export interface SurveyDeps {
  store: SurveyStore;
  audit: AuditLog;
  campaigns: ReadonlyMap<string, Campaign>;
  sender: SurveySender;
  now: () => Date;
  isHoliday: IsHoliday;
  reminders: { afterHours: number; max: number };
  /** The message catalogue in force: the survey's own sentences (its questions are in rules/survey/). */
  messages: () => Catalogue;
}

export interface Invitee {
  principal: string;
  name: string;
  department: string;
}

const START = /^(調査|アンケート|survey|start)$/i;
const PAUSE = /^(後で|あとで|later|pause|中断)$/i;

export class SurveyService {
  constructor(private readonly deps: SurveyDeps) {}

  private t(key: MessageKey, lang: Lang): string {
    return this.deps.messages().t(key, lang);
  }

  private campaign(id: string): Campaign {
    const c = this.deps.campaigns.get(id);
    if (!c) throw new Error(`unknown survey campaign ${id}`);
    return c;
  }

  private question(q: SurveyQuestion, lang: Lang, prefix = ''): Reply {
    return {
      say: `${prefix}${q.text[lang]}`,
      ask: {
        fact: `survey.${q.id}`,
        options:
          q.type === 'yes_no_unknown'
            ? YES_NO_UNKNOWN.map((value) => ({ value, label: this.t(`survey.${value}`, lang) }))
            : null,
      },
      decision: null,
    };
  }

  private invitation(c: Campaign, lang: Lang, prefix = ''): Reply {
    return {
      say: `${prefix}${c.title[lang]}\n${c.intro[lang]}`,
      ask: { fact: 'survey.start', options: [{ value: 'start', label: this.t('survey.start', lang) }] },
      decision: null,
    };
  }

  async start(campaignId: string, invitees: readonly Invitee[], lang: Lang = 'ja'): Promise<number> {
    const c = this.campaign(campaignId);
    let invited = 0;
    for (const u of invitees) {
      if (await this.deps.store.get(campaignId, u.principal)) continue;
      const at = this.deps.now().toISOString();
      await this.deps.store.put({
        campaignId,
        ...u,
        status: 'invited',
        answers: {},
        invitedAt: at,
        lastContactAt: at,
        reminders: 0,
      });
      await this.deps.audit.append({
        at,
        type: 'survey.invited',
        actor: 'system:survey',
        data: { campaign: campaignId, user: u.principal },
      });
      await this.deps.sender.send(u.principal, this.invitation(c, lang));
      invited++;
    }
    return invited;
  }

  /**
   * One call per conversation turn: the survey takes the message if the user is answering (or starts or
   * pauses) one; otherwise it says what the triage should know about the user's lab.
   */
  async turn(
    principal: string,
    input: TurnInput,
    lang: Lang,
  ): Promise<{ reply: Reply } | { context: EvaluationContext }> {
    return (await this.begin(principal)).turn(input, lang);
  }

  /** The read of `turn`, separately: a conversation issues it with its own reads, before the turn is taken. */
  async begin(principal: string): Promise<SurveyTurn> {
    const sessions = await this.deps.store.forUser(principal);
    return {
      turn: async (input, lang) => {
        const reply = await this.route(sessions, input, lang);
        return reply ? { reply } : { context: await this.contextFor(sessions) };
      },
    };
  }

  private async route(all: readonly SurveySession[], input: TurnInput, lang: Lang): Promise<Reply | undefined> {
    const text = 'text' in input ? input.text.trim() : input.choose;
    const sessions = all.filter((s) => s.status !== 'done');
    const active = sessions.find((s) => s.status === 'in_progress');
    const waiting = sessions.find((s) => s.status === 'invited' || s.status === 'paused');
    const at = this.deps.now().toISOString();
    if (active) {
      if (PAUSE.test(text)) {
        await this.deps.store.put({ ...active, status: 'paused', lastContactAt: at });
        return { say: this.t('survey.paused', lang), ask: null, decision: null };
      }
      return this.answer(active, text, lang);
    }
    if (waiting && (START.test(text) || ('choose' in input && input.choose === 'start'))) {
      const s: SurveySession = { ...waiting, status: 'in_progress', lastContactAt: at };
      await this.deps.store.put(s);
      const c = this.campaign(s.campaignId);
      const q = nextQuestion(c, s.answers);
      return q ? this.question(q, lang) : this.finish(s, lang);
    }
    return undefined;
  }

  private async answer(s: SurveySession, text: string, lang: Lang): Promise<Reply> {
    const c = this.campaign(s.campaignId);
    const q = nextQuestion(c, s.answers);
    if (!q) return this.finish(s, lang);
    const value = readAnswer(q, text);
    if (value === undefined) return this.question(q, lang, `${this.t('survey.invalid', lang)} `);
    const at = this.deps.now().toISOString();
    const next: SurveySession = { ...s, answers: { ...s.answers, [q.id]: { value, at } }, lastContactAt: at };
    await this.deps.store.put(next);
    await this.deps.audit.append({
      at,
      type: 'survey.answered',
      actor: s.principal,
      data: { campaign: c.id, question: q.id },
    });
    const following = nextQuestion(c, next.answers);
    return following ? this.question(following, lang) : this.finish(next, lang);
  }

  private async finish(s: SurveySession, lang: Lang): Promise<Reply> {
    const at = this.deps.now().toISOString();
    const done: SurveySession = { ...s, status: 'done', completedAt: at, lastContactAt: at };
    await this.deps.store.put(done);
    const c = this.campaign(s.campaignId);
    const needs = followUps(c, done.answers);
    await this.deps.audit.append({
      at,
      type: 'survey.completed',
      actor: s.principal,
      data: { campaign: c.id, followUps: needs },
    });
    const thanks = this.t('survey.done', lang);
    const say = needs.length ? `${thanks}\n${this.t('survey.follow_up', lang)}` : thanks;
    return { say, ask: null, decision: null };
  }

  /** Re-sends the invitation or the current question to everyone who has not finished, when due. */
  async remindDue(campaignId: string, lang: Lang = 'ja'): Promise<string[]> {
    const c = this.campaign(campaignId);
    const now = this.deps.now();
    const reminded: string[] = [];
    for (const s of await this.deps.store.list(campaignId)) {
      if (s.status === 'done' || s.reminders >= this.deps.reminders.max) continue;
      if (addBusinessHours(new Date(s.lastContactAt), this.deps.reminders.afterHours, this.deps.isHoliday) > now)
        continue;
      const at = now.toISOString();
      await this.deps.store.put({ ...s, reminders: s.reminders + 1, lastContactAt: at });
      const q = s.status === 'in_progress' ? nextQuestion(c, s.answers) : undefined;
      await this.deps.sender.send(
        s.principal,
        q
          ? this.question(q, lang, this.t('survey.reminder', lang))
          : this.invitation(c, lang, this.t('survey.reminder', lang)),
      );
      await this.deps.audit.append({
        at,
        type: 'survey.reminded',
        actor: 'system:survey',
        data: { campaign: campaignId, user: s.principal, n: s.reminders + 1 },
      });
      reminded.push(s.principal);
    }
    return reminded;
  }

  async report(campaignId: string): Promise<SurveyReport> {
    const c = this.campaign(campaignId);
    const sessions = await this.deps.store.list(campaignId);
    const departments = new Map<string, DepartmentRow>();
    for (const s of sessions) {
      const d = departments.get(s.department) ?? {
        department: s.department,
        invited: 0,
        responded: 0,
        inProgress: 0,
        responseRate: 0,
        controlledLabs: 0,
      };
      d.invited++;
      if (s.status === 'done') d.responded++;
      if (s.status === 'in_progress' || s.status === 'paused') d.inProgress++;
      if (s.answers.controlled?.value === 'yes') d.controlledLabs++;
      departments.set(s.department, d);
    }
    for (const d of departments.values()) d.responseRate = d.invited ? d.responded / d.invited : 0;
    const value = (s: SurveySession, q: string) => s.answers[q]?.value ?? '';
    return {
      campaign: c.id,
      byDepartment: [...departments.values()].sort((a, b) => a.department.localeCompare(b.department)),
      controlledLabs: sessions
        .filter((s) => value(s, 'controlled') === 'yes')
        .map((s) => ({
          lab: value(s, 'lab'),
          department: s.department,
          principal: s.principal,
          name: s.name,
          category: value(s, 'controlledCategory'),
          description: value(s, 'controlledDescription'),
        })),
      followUps: sessions
        .map((s) => ({
          principal: s.principal,
          name: s.name,
          department: s.department,
          lab: value(s, 'lab'),
          questions: followUps(c, s.answers),
        }))
        .filter((f) => f.questions.length > 0),
      respondents: sessions,
      questions: c.questions.map((q) => q.id),
    };
  }

  /**
   * What the triage knows from the survey about this user: their lab (from their own answer) reported
   * list-controlled technology — by them or by another member of the same lab — and when.
   */
  private async contextFor(sessions: readonly SurveySession[]): Promise<EvaluationContext> {
    for (const own of sessions) {
      const lab = own.answers.lab?.value;
      if (!lab) continue;
      const latest = (await this.deps.store.labReports(own.campaignId, normalizeLab(lab))).sort().at(-1);
      if (latest)
        return {
          survey: { controlledTechnology: true, answeredAt: latest.slice(0, 10), lab, campaign: own.campaignId },
        };
    }
    return {};
  }
}

export interface DepartmentRow {
  department: string;
  invited: number;
  responded: number;
  inProgress: number;
  responseRate: number;
  controlledLabs: number;
}

export interface SurveyReport {
  campaign: string;
  byDepartment: DepartmentRow[];
  controlledLabs: {
    lab: string;
    department: string;
    principal: string;
    name: string;
    category: string;
    description: string;
  }[];
  followUps: { principal: string; name: string; department: string; lab: string; questions: string[] }[];
  respondents: SurveySession[];
  questions: string[];
}
