import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RedisAuditLog } from '../../src/audit/redis-log.ts';
import { RedisInbox } from '../../src/cases/redis-store.ts';
import { ConversationService } from '../../src/conversation/service.ts';
import type { ConversationState, Reply } from '../../src/conversation/types.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { RedisConversationStore, RedisIdempotencyStore } from '../../src/stores/redis.ts';
import { loadCampaigns } from '../../src/survey/load.ts';
import { chartSvg, departmentsCsv } from '../../src/survey/report-files.ts';
import { inboxSurveySender, routingSurveySender } from '../../src/survey/senders.ts';
import { SurveyService } from '../../src/survey/service.ts';
import { RedisSurveyStore } from '../../src/survey/store.ts';
import { bundledContent, engineDeps } from '../support/conversation.ts';
import { RULES_DIR } from '../support/fixtures.ts';
import { dropKeys, openTestRedis } from '../support/test-redis.ts';

/** Read once: the notices' catalogue does not change during these tests. */
const catalogue = bundledContent().messages;

const CAMPAIGN = '2026-sensitive-tech';
let redis: RedisClient;
const prefix = `ectest-survey-${randomUUID().slice(0, 8)}`;
let clock = new Date('2026-06-01T00:30:00Z'); // Monday 09:30 JST
const sentToChat: { principal: string; reply: Reply }[] = [];
let surveys: SurveyService;
let conversation: ConversationService;
let inbox: RedisInbox;

beforeAll(() => {
  redis = openTestRedis();
  inbox = new RedisInbox(redis, prefix);
  const chat = { send: async (principal: string, reply: Reply) => void sentToChat.push({ principal, reply }) };
  surveys = new SurveyService({
    store: new RedisSurveyStore(redis, prefix),
    audit: new RedisAuditLog(redis, { key: 'test-audit-key-0123456789', prefix }),
    campaigns: loadCampaigns(RULES_DIR).campaigns,
    // Two channels: Slack and Teams users get chat messages; local users find them in their inbox.
    sender: routingSurveySender({ slack: chat, teams: chat }, inboxSurveySender(inbox)),
    now: () => clock,
    isHoliday: () => false,
    reminders: { afterHours: 24, max: 2 },
    messages: () => catalogue,
  });
  conversation = new ConversationService(
    engineDeps(),
    new RedisConversationStore<ConversationState>(redis, 600, prefix),
    new RedisIdempotencyStore(redis, 600, prefix),
    { defaultLang: 'ja', surveys },
  );
});

afterAll(async () => {
  await dropKeys(redis, `${prefix}:*`);
  redis.disconnect();
});

const say = async (principal: string, text: string) =>
  (await conversation.handle(`c:${principal}`, { text }, { requester: { principal, channel: 'terminal' } }))!;
const choose = async (principal: string, value: string) =>
  (await conversation.handle(`c:${principal}`, { choose: value }, { requester: { principal, channel: 'slack' } }))!;

describe('the annual sensitive-technology survey through the bot', () => {
  test('the bundled campaign is valid data with the items METI lists', () => {
    const { campaigns, issues } = loadCampaigns(RULES_DIR);
    expect(issues).toEqual([]);
    expect(campaigns.get(CAMPAIGN)?.questions.map((q) => q.id)).toEqual(
      expect.arrayContaining([
        'lab',
        'department',
        'contact',
        'controlled',
        'controlledCategory',
        'catchAll',
        'eulVisitors',
      ]),
    );
  });

  test('a campaign over users on two channels: invitations, partial and full answers, reminders, the report, and the triage', async () => {
    const invitees = [
      { principal: 'local:alice', name: 'Alice', department: '工学部' },
      { principal: 'local:bob', name: 'Bob', department: '工学部' },
      { principal: 'slack:U1', name: 'Chen', department: '理学部' },
      { principal: 'teams:aad-1', name: 'Dana', department: '理学部' },
    ];
    expect(await surveys.start(CAMPAIGN, invitees)).toBe(4);
    expect(await surveys.start(CAMPAIGN, invitees)).toBe(0); // invited once only
    expect(sentToChat.map((s) => s.principal)).toEqual(['slack:U1', 'teams:aad-1']);
    expect(sentToChat[0]!.reply.ask).toMatchObject({ fact: 'survey.start', options: [{ value: 'start' }] });
    expect((await inbox.drain('local:alice'))[0]?.ja).toContain('学内機微技術調査');

    // Before starting the survey, a message is an ordinary export-control question.
    expect((await say('local:alice', '北朝鮮の大学に本を送りたい')).decision?.outcome).toBe('prohibited');

    // Alice answers everything in the terminal chat.
    expect((await say('local:alice', '調査')).ask?.fact).toBe('survey.lab');
    const answers = [
      '材料物性研究室',
      '工学部',
      'alice@example.ac.jp',
      'はい',
      '3の2項',
      '生体試料の培養技術',
      'いいえ',
      'わからない',
    ];
    let last: Reply | undefined;
    for (const a of answers) last = await say('local:alice', a);
    expect(last?.say).toContain('ご回答ありがとうございました');
    expect(last?.ask).toBeNull();

    // Bob answers the lab, then pauses: his answer is kept.
    await say('local:bob', '調査');
    expect((await say('local:bob', '材料物性研究室')).ask?.fact).toBe('survey.department');
    expect((await say('local:bob', '後で')).say).toContain('中断');

    // Chen answers in Slack with buttons; an unreadable answer is asked again.
    expect((await choose('slack:U1', 'start')).ask?.fact).toBe('survey.lab');
    await say('slack:U1', '量子光学研究室');
    await say('slack:U1', '理学部');
    await say('slack:U1', 'chen@example.ac.jp');
    expect((await say('slack:U1', 'banana')).say).toContain('could not read that answer'); // an English message gets English
    await choose('slack:U1', 'no');
    await choose('slack:U1', 'no');
    expect((await choose('slack:U1', 'no')).say).toContain('ご回答ありがとうございました');

    // Reminders after 24 business hours (three business days), to those who have not finished.
    sentToChat.length = 0;
    clock = new Date('2026-06-03T07:00:00Z'); // Wednesday 16:00 JST: 2 days and 6.5 business hours since Monday 09:30
    expect(await surveys.remindDue(CAMPAIGN)).toEqual([]);
    clock = new Date('2026-06-04T01:00:00Z'); // Thursday 10:00 JST: past 24 business hours for the unfinished
    expect((await surveys.remindDue(CAMPAIGN)).sort()).toEqual(['local:bob', 'teams:aad-1']);
    expect(sentToChat.map((s) => s.reply.say)).toEqual([expect.stringContaining('【リマインダー】')]);
    expect((await inbox.drain('local:bob')).at(-1)?.ja).toContain('【リマインダー】2026年度 学内機微技術調査'); // paused: invited to resume
    clock = new Date('2026-06-30T07:00:00Z');
    expect((await surveys.remindDue(CAMPAIGN)).sort()).toEqual(['local:bob', 'teams:aad-1']);
    clock = new Date('2026-07-30T07:00:00Z');
    expect((await surveys.remindDue(CAMPAIGN)).sort()).toEqual([]); // at most 2 each

    // The report: response rate by department, the labs that hold controlled items, the follow-ups.
    const report = await surveys.report(CAMPAIGN);
    expect(report.byDepartment).toEqual([
      { department: '工学部', invited: 2, responded: 1, inProgress: 1, responseRate: 0.5, controlledLabs: 1 },
      { department: '理学部', invited: 2, responded: 1, inProgress: 0, responseRate: 0.5, controlledLabs: 0 },
    ]);
    expect(report.controlledLabs).toEqual([
      expect.objectContaining({ lab: '材料物性研究室', category: '3の2', principal: 'local:alice' }),
    ]);
    expect(report.followUps).toEqual([
      expect.objectContaining({ principal: 'local:alice', questions: ['controlled', 'eulVisitors'] }),
    ]);
    expect(departmentsCsv(report)).toContain('工学部,2,1,1,0.50,1');
    const svg = chartSvg(report);
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('工学部 (1/2)');

    // The triage: Bob's lab reported controlled technology, so his technology case asks the classification
    // first and an unknown classification means classification_needed, citing the survey and its date.
    const bobCase = await say('local:bob', 'ドイツの大学に未公開の実験データを共有したい');
    expect(bobCase.ask?.fact).toBe('listStatus');
    let r = await choose('local:bob', 'unknown');
    for (let i = 0; i < 8 && !r.decision; i++) {
      const f = r.ask?.fact;
      r =
        f === 'counterpartyName'
          ? await say('local:bob', 'Technical University of Munich')
          : await choose('local:bob', 'unknown');
    }
    expect(r.decision?.outcome).toBe('classification_needed');
    const reason = r.decision?.reasons.find((x) => x.id === 'SURVEY-LAB-CONTROLLED');
    expect(reason?.ja).toContain('材料物性研究室');
    expect(reason?.ja).toContain('2026-06-01');

    // Chen's lab reported nothing: the same request asks in the usual order.
    expect((await say('slack:U1', 'ドイツの大学に未公開の実験データを共有したい')).ask?.fact).toBe('counterpartyName');
  });
});
