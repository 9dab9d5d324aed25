import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { silentLogger } from '../../src/app/ports.ts';
import { replyBlocks } from '../../src/channels/slack/blocks.ts';
import { safeErrorText } from '../../src/channels/teams/adapter.ts';
import { replyCard } from '../../src/channels/teams/cards.ts';
import { runTerminalChat } from '../../src/channels/terminal/chat.ts';
import { createRuntime, type Runtime } from '../../src/cli/wiring.ts';
import { loadConfig } from '../../src/config.ts';
import type { Reply } from '../../src/conversation/types.ts';
import { Catalogue, MESSAGE_KEYS } from '../../src/surfaces/catalogue.ts';
import { replyView } from '../../src/surfaces/reply-view.ts';
import { adaptiveCardIssues } from '../support/adaptive-cards.ts';
import { bundledContent, engineDeps } from '../support/conversation.ts';
import { bundled, ROOT, RULES_DIR } from '../support/fixtures.ts';
import { TEST_AUDIT_KEY } from '../support/server.ts';

/** Three turns to a decision (classification needed), as in the terminal test. */
const TURNS = [
  'I want to send a cooled infrared camera to a university in Germany',
  'Technical University of Munich',
  '3',
];

function runtimeOn(rulesDir: string): Runtime {
  const rt = createRuntime(
    loadConfig({ RULES_DIR: rulesDir, LOG_LEVEL: 'silent', AUDIT_KEY: TEST_AUDIT_KEY }),
    { ...bundled(), log: silentLogger, rulesDir },
    'en',
  );
  if (!rt) throw new Error('runtime did not start');
  return rt;
}

/** The same three turns through the conversation, the last reply (a decision) returned. */
async function decideThrough(rt: Runtime, conversationId: string): Promise<Reply> {
  let last: Reply | null = null;
  for (const line of TURNS) {
    const option = /^\d+$/.test(line) ? last?.ask?.options?.[Number(line) - 1] : undefined;
    const input = option ? { choose: option.value, fact: last!.ask!.fact, turn: last!.turn! } : { text: line };
    last = await rt.conversation.handle(conversationId, input, { lang: 'en' });
  }
  if (!last?.decision) throw new Error('no decision');
  return last;
}

/** The terminal chat on in-memory streams; each line is typed when the prompt asks for it (no timers). */
async function terminal(rt: Runtime, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  const queue = [...lines, 'quit'];
  output.on('data', (c) => {
    printed += String(c);
    if (printed.endsWith('> ') && queue.length) input.write(`${queue.shift()}\n`);
  });
  await runTerminalChat(rt.conversation, { banner: 'test', lang: 'en', input, output });
  return printed;
}

describe('the message catalogue', () => {
  test('every key has the same {placeholders} in Japanese and English, and no key is left out', () => {
    const file = parse(readFileSync(join(RULES_DIR, 'conversation', 'messages.yaml'), 'utf8')) as {
      messages: Record<string, { ja: string; en: string }>;
    };
    expect(Object.keys(file.messages).sort()).toEqual([...MESSAGE_KEYS].sort());
    for (const [key, m] of Object.entries(file.messages))
      expect([key, Catalogue.placeholdersOf(m.ja)]).toEqual([key, Catalogue.placeholdersOf(m.en)]);
  });

  test.each([
    ['the heading the view puts on a decision', 'reply.outcome_heading', 'Verdict: {label}', 'Verdict: '],
    ['a sentence of the engine’s decision text', 'decision.case_id', 'Your case number: {id}', 'Your case number: EC-'],
  ])('one sentence changed in messages.yaml changes %s in Slack, Teams and the terminal', async (_, key, en, shown) => {
    const dir = mkdtempSync(join(tmpdir(), 'ec-cat-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    const file = join(dir, 'conversation', 'messages.yaml');
    const before = readFileSync(file, 'utf8');
    const line = new RegExp(`^( {2}${key.replace('.', '\\.')}: \\{ ja: '[^']*', en: )'[^']*'( \\})$`, 'm');
    expect(before).toMatch(line);
    writeFileSync(file, before.replace(line, `$1'${en}'$2`));

    const rt = runtimeOn(dir);
    try {
      const slack = JSON.stringify(
        replyBlocks(await decideThrough(rt, 'slack:T:C:1'), 'slack:T:C:1', 'en', rt.engine()),
      );
      const teams = JSON.stringify(replyCard(await decideThrough(rt, 'teams:a:1'), 'en', rt.engine()));
      const term = await terminal(rt, TURNS);
      const old = bundledContent().messages.t(key as 'reply.outcome_heading', 'en', { label: '', id: '' });
      for (const [channel, out] of [
        ['slack', slack],
        ['teams', teams],
        ['terminal', term],
      ] as const) {
        expect([channel, out.includes(shown)]).toEqual([channel, true]);
        expect([channel, out.includes(old)]).toEqual([channel, false]);
      }
    } finally {
      await rt.close();
    }
  });
});

test('a failed Teams turn gets the catalogue’s safe error, and a fixed one when the catalogue cannot be read', () => {
  const cat = bundledContent().messages;
  expect(safeErrorText(() => cat)).toBe(
    `${cat.t('reply.safe_error', 'ja', { code: 'APP.INTERNAL' })} / ${cat.t('reply.safe_error', 'en', { code: 'APP.INTERNAL' })}`,
  );
  expect(
    safeErrorText(() => {
      throw new Error('runtime not ready');
    }),
  ).toMatch(/APP\.INTERNAL.*no answer was given/);
});

describe('the reply view', () => {
  const deps = engineDeps();
  const ask = (over: Partial<Reply>): Reply => ({ say: 'Question?', ask: null, decision: null, ...over });

  test('a question carries its fact and turn into every button and menu value', () => {
    const choices = ask({ ask: { fact: 'listStatus', options: [{ value: 'unknown', label: 'Not yet' }] }, turn: 4 });
    const view = replyView(choices, 'en', deps, { thread: true });
    expect(view.question).toMatchObject({ kind: 'choices', fact: 'listStatus', turn: 4 });
    const slack = JSON.stringify(replyBlocks(choices, 'c1', 'en', deps));
    expect(slack).toContain(JSON.stringify(JSON.stringify({ c: 'c1', v: 'unknown', f: 'listStatus', t: 4 })));
    const teams = replyCard(choices, 'en', deps);
    expect(teams.actions).toEqual([
      { type: 'Action.Submit', title: 'Not yet', data: { ec: 'choose', v: 'unknown', f: 'listStatus', t: 4 } },
    ]);
  });

  test('each channel words the free answer for where it is typed: the Slack thread, or a Teams text box', () => {
    const country = ask({ ask: { fact: 'destinationCountry', options: null }, turn: 2 });
    const cat = deps.content.messages;
    expect(replyView(country, 'ja', deps, { thread: true }).question).toMatchObject({
      kind: 'country',
      placeholder: cat.t('reply.country_placeholder_thread', 'ja'),
    });
    expect(replyView(country, 'ja', deps, { thread: false }).question).toMatchObject({
      placeholder: cat.t('reply.country_placeholder', 'ja'),
      submit: cat.t('reply.ok', 'ja'),
    });
    const text = ask({ ask: { fact: 'itemDescription', options: null }, turn: 3 });
    expect(JSON.stringify(replyBlocks(text, 'c1', 'en', deps))).toContain(cat.t('reply.reply_in_thread', 'en'));
    expect(replyCard(text, 'en', deps).body.at(-1)).toMatchObject({ type: 'Input.Text', isMultiline: true });
  });

  test('the actions follow the reply: a hand-off when offered, correct and new case after a decision', async () => {
    const rt = runtimeOn(RULES_DIR);
    try {
      const decided = await decideThrough(rt, 'view:1');
      expect(replyView(decided, 'en', rt.engine(), { thread: true }).actions.map((a) => a.kind)).toEqual([
        'correct',
        'new_case',
      ]);
      expect(replyView(ask({ offerHandoff: true }), 'en', deps, { thread: true }).actions.map((a) => a.kind)).toEqual([
        'handoff',
      ]);
      const view = replyView(decided, 'en', rt.engine(), { thread: true });
      expect(view.heading).toBe(`Outcome: ${rt.engine().content.outcomes.classification_needed.label.en}`);
      expect(view.decision?.reasons.every((r) => r.id && r.citation)).toBe(true);
      expect(adaptiveCardIssues(replyCard(decided, 'en', rt.engine()))).toEqual([]);
    } finally {
      await rt.close();
    }
  });

  test('Slack escapes the text once, after the cut: no &amp;amp;, no entity split, sections within 3,000', () => {
    const long = ask({ say: `R&D <!channel> ${'&'.repeat(4000)}` });
    type Section = { type: string; text?: { text: string } };
    const sections = (replyBlocks(long, 'c1', 'en', deps) as Section[]).filter((b) => b.type === 'section');
    const text = sections.map((s) => s.text!.text).join('');
    expect(text.startsWith('R&amp;D &lt;!channel&gt; ')).toBe(true);
    expect(text).not.toContain('&amp;amp;');
    for (const s of sections) {
      expect(s.text!.text.length).toBeLessThanOrEqual(3000);
      expect(s.text!.text).not.toMatch(/&(a|am|amp)?$/);
    }
  });
});

describe('no sentence outside the catalogue', () => {
  /** Where Japanese text may still sit in code, and why. */
  const ALLOWED: Record<string, string> = {
    'src/channels/slack/prompts.ts': 'the suggested prompts, checked against the manifest (slack-manifest.test.ts)',
    'src/channels/teams/adapter.ts': 'the last-resort error, sent when the runtime itself may be down',
    'src/survey/report-files.ts': "the office's survey chart labels",
  };
  // Kana and kanji, not the bullet ・ (U+30FB), which is layout.
  const JAPANESE_LITERAL =
    /(['`])(?:(?!\1)[^\\\n]|\\.)*[\u3040-\u30fa\u30fc-\u30ff\u4e00-\u9fff](?:(?!\1)[^\\\n]|\\.)*\1/u;

  test('the channels, surfaces, cases, survey and conversation use case word nothing themselves', () => {
    const dirs = ['src/channels', 'src/surfaces', 'src/cases', 'src/survey'];
    const files = [
      ...dirs.flatMap((d) => sourceFiles(join(ROOT, d))),
      ...['engine', 'render', 'correction', 'faq', 'service', 'officer-view'].map((f) =>
        join(ROOT, 'src/conversation', `${f}.ts`),
      ),
    ];
    const found = files.flatMap((f) => {
      const path = relative(ROOT, f);
      if (ALLOWED[path]) return [];
      return readFileSync(f, 'utf8')
        .split('\n')
        .map((line) => line.replace(/^\s*(\/\/|\*|\/\*).*$/, '').replace(/\s\/\/ .*$/, ''))
        .flatMap((line, i) => {
          const m = JAPANESE_LITERAL.exec(line);
          // Form labels that name the language of a field ("Answer (日本語)") are not sentences.
          return m && !/^.\w[^']*\(日本語[,)]/.test(m[0]) ? [`${path}:${i + 1}: ${m[0]}`] : [];
        });
    });
    expect(found).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
