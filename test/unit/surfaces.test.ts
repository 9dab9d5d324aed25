import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Case } from '../../src/cases/model.ts';
import { mrkdwnSections } from '../../src/channels/slack/mrkdwn.ts';
import { officerCaseBlocks } from '../../src/channels/slack/officer-blocks.ts';
import { officerCaseCard } from '../../src/channels/teams/officer-card.ts';
import type { ConversationContent } from '../../src/conversation/content.ts';
import type { Outcome } from '../../src/core/facts.ts';
import { loadConversationContent } from '../../src/ruleset/load-content.ts';
import { parseOfficerForm } from '../../src/surfaces/officer-form.ts';
import { officerActions, officerCaseView } from '../../src/surfaces/officer-view.ts';
import { adaptiveCardIssues } from '../support/adaptive-cards.ts';
import { decide, RULES_DIR } from '../support/fixtures.ts';

function content(dir = RULES_DIR): ConversationContent {
  const r = loadConversationContent(dir);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.content;
}

function sampleCase(over: Partial<Case> = {}): Case {
  const decision = decide({
    caseType: 'shipment',
    destinationCountry: 'CN',
    counterpartyName: 'Harbin Institute of Technology',
    itemDescription: 'carbon fibre',
  });
  return {
    id: 'EC-20261201-TEST01',
    status: 'open',
    requester: { principal: 'slack:U1', channel: 'slack', conversationId: 'c1' },
    facts: { counterpartyName: { value: 'R&D <Lab> & Co', provenance: 'user' } } as Case['facts'],
    decision,
    rulesVersion: 'r1',
    listVersions: {},
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
    comments: [],
    events: [],
    reminders: { count: 0 },
    ...over,
  };
}

const viewOf = (c: Case, cc: ConversationContent, lang: 'ja' | 'en' = 'en') =>
  officerCaseView(c, { lang, catalogue: cc.messages, outcomeLabel: (o: Outcome) => cc.outcomes[o].label[lang] });

describe('the message catalogue (rules/conversation/messages.yaml)', () => {
  test('a missing key and mismatched placeholders are refused as file: path: message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec-cat-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    const file = join(dir, 'conversation', 'messages.yaml');
    const text = readFileSync(file, 'utf8')
      .replace(/^ {2}officer\.claim:.*$/m, '')
      .replace("en: 'Officer decision ({by}): {text}'", "en: 'Officer decision: {text}'");
    writeFileSync(file, text);
    const r = loadConversationContent(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => `${i.file?.endsWith('messages.yaml')}:${i.path}`);
    expect(paths).toEqual(expect.arrayContaining(['true:messages.officer.claim', 'true:messages.officer.decision']));
  });

  test('placeholders are filled, and a missing value is an error rather than a half-filled sentence', () => {
    const cat = content().messages;
    expect(cat.t('reply.safe_error', 'en', { code: 'APP.INTERNAL' })).toContain('(APP.INTERNAL)');
    expect(() => cat.t('reply.safe_error', 'ja')).toThrow(/\{code\}/);
  });

  test('one sentence changed in the catalogue changes it on the Slack card and on the Teams card', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec-cat-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    const file = join(dir, 'conversation', 'messages.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        "officer.claim: { ja: '担当する', en: 'Claim' }",
        "officer.claim: { ja: '引き受ける', en: 'Take it' }",
      ),
    );
    const cc = content(dir);
    const view = viewOf(sampleCase(), cc);
    expect(JSON.stringify(officerCaseBlocks(view))).toContain('"Take it"');
    expect(JSON.stringify(officerCaseCard(view, cc.messages))).toContain('"Take it"');
    expect(JSON.stringify(officerCaseBlocks(viewOf(sampleCase(), cc, 'ja')))).toContain('"引き受ける"');
  });
});

describe('the officer view', () => {
  test('each state opens exactly its actions', () => {
    expect(officerActions({ status: 'open' })).toEqual(['claim', 'decide', 'ask']);
    expect(officerActions({ status: 'claimed' })).toEqual(['take_over', 'decide', 'ask']);
    expect(officerActions({ status: 'info_requested' })).toEqual(['decide', 'ask']);
    expect(officerActions({ status: 'decided' })).toEqual(['revise']);
    expect(officerActions({ status: 'closed' })).toEqual([]);
    expect(officerActions({ status: 'recorded' })).toEqual([]);
  });

  test('the headline shows the outcome label, never the code', () => {
    const cc = content();
    const view = viewOf(sampleCase(), cc, 'ja');
    expect(view.title).toBe(
      `EC-20261201-TEST01 — ${cc.outcomes[view.title.includes('許可申請') ? 'license_required' : 'officer_review'].label.ja}`,
    );
    expect(view.title).not.toMatch(/[a-z]+_[a-z]+/);
  });

  test('Slack escapes user text exactly once (no &amp;amp;), and a cut never splits an entity', () => {
    const cc = content();
    const blocks = JSON.stringify(officerCaseBlocks(viewOf(sampleCase(), cc)));
    expect(blocks).toContain('R&amp;D &lt;Lab&gt; &amp; Co');
    expect(blocks).not.toContain('&amp;amp;');
    const long = '&'.repeat(1000);
    const sections = mrkdwnSections(long);
    for (const s of sections) {
      const t = s.text?.text ?? '';
      expect(t.length).toBeLessThanOrEqual(3000);
      expect(t.replace(/&amp;/g, '')).toBe('');
    }
    expect(sections.map((s) => s.text?.text ?? '').join('').length).toBe(5000);
  });

  test('Block Kit limits hold on the officer card (header 150, button 75, section 3,000, 50 blocks)', () => {
    const cc = content();
    const big = sampleCase({
      facts: { itemDescription: { value: 'x'.repeat(9000), provenance: 'user' } } as Case['facts'],
    });
    type Loose = { type: string; text?: { text: string }; elements?: { text: { text: string } }[] };
    const blocks = officerCaseBlocks(viewOf(big, cc)) as unknown as Loose[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) {
      if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(150);
      if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      if (b.type === 'actions') for (const e of b.elements ?? []) expect(e.text.text.length).toBeLessThanOrEqual(75);
    }
  });

  test('the Teams officer card passes Microsoft’s parser in every state, and only officers get the refresh', () => {
    const cc = content();
    for (const status of ['open', 'claimed', 'info_requested', 'decided', 'closed'] as const) {
      const card = officerCaseCard(viewOf(sampleCase({ status }), cc), cc.messages, { officerIds: ['aad-1'] });
      expect([status, adaptiveCardIssues(card)]).toEqual([status, []]);
      expect(card.refresh?.userIds).toEqual(['aad-1']);
    }
  });
});

describe('the officer decision form, one parser for every channel', () => {
  const cat = content().messages;
  test('each kind asks for its own detail, and names the field that is missing', () => {
    expect(parseOfficerForm({ kind: 'stop' }, cat, 'en')).toEqual({ ok: true, decision: { kind: 'stop' } });
    expect(parseOfficerForm({ kind: 'no_license_needed', detail: ' basic research ' }, cat, 'en')).toEqual({
      ok: true,
      decision: { kind: 'no_license_needed', reason: 'basic research' },
    });
    expect(parseOfficerForm({ kind: 'no_license_needed', detail: '  ' }, cat, 'en')).toMatchObject({
      ok: false,
      field: 'detail',
    });
    expect(parseOfficerForm({ kind: 'more_information' }, cat, 'ja')).toMatchObject({ ok: false, field: 'detail' });
    expect(parseOfficerForm({ kind: 'classification' }, cat, 'en')).toMatchObject({ ok: false, field: 'result' });
    expect(parseOfficerForm({ kind: 'classification', result: 'controlled' }, cat, 'en')).toMatchObject({ ok: true });
    expect(parseOfficerForm({ kind: 'approve_everything' }, cat, 'en')).toMatchObject({ ok: false, field: 'kind' });
    expect(parseOfficerForm({}, cat, 'en')).toMatchObject({ ok: false, field: 'kind' });
  });
});
