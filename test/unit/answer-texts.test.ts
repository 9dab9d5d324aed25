import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { decideFacts } from '../../src/app/decide.ts';
import { converse } from '../../src/conversation/engine.ts';
import { renderDecision } from '../../src/conversation/render.ts';
import type { Decision } from '../../src/core/decision.ts';
import { derive } from '../../src/core/derive.ts';
import { CASE_TYPES, OUTCOMES } from '../../src/core/facts.ts';
import { renderText } from '../../src/core/template.ts';
import { loadGoldenCases } from '../../src/ruleset/golden.ts';
import { loadConversationContent } from '../../src/ruleset/load-content.ts';
import { loadUniversityAnswers } from '../../src/ruleset/university-answers.ts';
import { engineDeps } from '../support/conversation.ts';
import { bundled, GOLDEN_DIR, RULES_DIR } from '../support/fixtures.ts';

const UNFILLED = /[{}]|（）|\(\)|（\s*）/;

function everyDecision(): { id: string; facts: Record<string, unknown>; decision: Decision }[] {
  const deps = bundled();
  const facts = [
    ...loadGoldenCases(GOLDEN_DIR).cases.map((c) => ({ id: c.id, facts: c.facts })),
    ...loadUniversityAnswers(GOLDEN_DIR).answers.map((a) => ({ id: a.id, facts: a.facts })),
  ];
  return facts.flatMap(({ id, facts: f }) => {
    const r = decideFacts(deps, f);
    return r.ok ? [{ id, facts: f, decision: r.decision }] : [];
  });
}

describe('answer texts', () => {
  test('when any golden case or published answer is decided, then no sentence or citation has an unfilled placeholder', () => {
    const found: string[] = [];
    for (const { id, decision } of everyDecision())
      for (const r of decision.reasons)
        for (const text of [r.ja, r.en, r.citation]) if (UNFILLED.test(text)) found.push(`${id} ${r.id}: ${text}`);
    expect(found).toEqual([]);
  });

  test('when every rule text and every citation is rendered for every case type, then none keeps a placeholder', () => {
    const { ruleSet } = bundled();
    const found: string[] = [];
    const factSets = [
      {},
      { destinationCountry: 'CN', itemDescription: '炭素繊維のサンプル', counterpartyName: 'Beihang University' },
      { destinationCountry: 'DE', itemDescription: '教科書', listCategory: '3の2' },
    ];
    for (const rule of [...ruleSet.rules, ruleSet.fallback])
      for (const caseType of CASE_TYPES)
        for (const base of factSets) {
          const facts = { caseType, ...base };
          const derived = derive(ruleSet, facts, []);
          const texts = [
            renderText(rule.text.ja, 'ja', ruleSet, facts, derived, []),
            renderText(rule.text.en, 'en', ruleSet, facts, derived, []),
            renderText(rule.citationFor?.[caseType] ?? rule.citation, 'ja', ruleSet, facts, derived, []),
          ];
          for (const t of texts) if (UNFILLED.test(t)) found.push(`${rule.id} (${caseType}): ${t}`);
        }
    expect(found).toEqual([]);
  });

  test('when a technology case escalates on the catch-all, then it cites 外為令 and 貿易外省令, not 輸出令第4条', () => {
    const d = decideFacts(bundled(), {
      caseType: 'technology',
      destinationCountry: 'VN',
      counterpartyName: 'Hanoi University of Science and Technology',
      itemDescription: '未公開の測定手法',
      listStatus: 'not_controlled',
      basicResearch: 'no',
      endUseConcern: 'yes',
    });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const ca = d.decision.reasons.find((r) => r.id === 'CA-CONCERN-YES')!;
    expect(ca.citation).toMatch(/外国為替令/);
    expect(ca.citation).toMatch(/貿易関係貿易外取引等に関する省令/);
    expect(ca.citation).not.toMatch(/輸出貿易管理令第4条/);
  });

  test('when classification is needed, then the answer names the catalogue entries that matched', () => {
    const d = decideFacts(bundled(), {
      caseType: 'shipment',
      destinationCountry: 'TW',
      counterpartyName: 'National Tsing Hua University',
      itemDescription: '炭素繊維のサンプル',
      listStatus: 'unknown',
      endUseConcern: 'no',
      militaryEndUser: 'no',
    });
    expect(d.ok && d.decision.outcome).toBe('classification_needed');
    if (d.ok) expect(d.decision.reasons[0]!.ja).toMatch(/炭素繊維 → 5項の可能性/);
  });

  test('when a headline shows an outcome, then it uses the label of outcomes.yaml, never the code', async () => {
    const content = loadConversationContent(RULES_DIR);
    expect(content.ok).toBe(true);
    if (!content.ok) return;
    const reply = await converse(
      engineDeps(),
      undefined,
      { text: '北朝鮮の大学に学術書籍と文房具を送りたい' },
      { lang: 'ja', langFixed: false },
    );
    expect(reply.reply.decision?.outcome).toBe('prohibited');
    expect(reply.reply.headline).toEqual({
      ja: `判定: ${content.content.outcomes.prohibited.label.ja}`,
      en: `Outcome: ${content.content.outcomes.prohibited.label.en}`,
    });
    const yaml = parse(readFileSync(`${RULES_DIR}/conversation/outcomes.yaml`, 'utf8')) as object;
    expect(Object.keys((yaml as { outcomes: object }).outcomes)).toEqual([...OUTCOMES]);
  });

  test('when an escalating card is shown, then it never also says no procedure is needed, and clearing reasons are set apart', () => {
    const content = loadConversationContent(RULES_DIR);
    if (!content.ok) throw new Error('content');
    const { ruleSet } = bundled();
    const problems: string[] = [];
    for (const { id, facts, decision } of everyDecision()) {
      if (
        ![
          'prohibited',
          'license_required',
          'prior_report_required',
          'classification_needed',
          'officer_review',
        ].includes(decision.outcome)
      )
        continue;
      for (const lang of ['ja', 'en'] as const) {
        const card = renderDecision(decision, 'EC-T', content.content, lang, undefined, {
          caseType: facts.caseType as 'shipment',
          ruleSet,
        });
        if (/手続きは不要|no export-control procedure|手続き不要/.test(card)) problems.push(`${id} ${lang}`);
        const [main] = card.split(lang === 'ja' ? '参考（' : 'For reference (');
        if (
          /許可は不要です|need no licence|needs no licence/.test(
            main!.split(/次の手順|Next steps/)[0]!.split(/理由|Reasons/)[1] ?? '',
          )
        )
          problems.push(`${id} ${lang}: a clearing reason among the main reasons`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('when the case type differs, then the next steps fit it: 入口管理 for visitors, goods advice only for goods', () => {
    const content = loadConversationContent(RULES_DIR);
    if (!content.ok) throw new Error('content');
    const { ruleSet } = bundled();
    const d = decideFacts(bundled(), {
      caseType: 'visitor',
      destinationCountry: 'DE',
      counterpartyName: 'Technical University of Munich',
      itemDescription: '研究室見学と共同研究',
      providesTechnology: 'yes',
      recipientResidency: 'non_resident',
      publiclyAvailable: 'no',
      basicResearch: 'no',
      listStatus: 'unknown',
    });
    if (!d.ok) throw new Error('decide');
    expect(d.decision.outcome).toBe('classification_needed');
    const visitor = renderDecision(d.decision, 'EC-T', content.content, 'ja', undefined, {
      caseType: 'visitor',
      ruleSet,
    });
    expect(visitor).toMatch(/受入れ前確認/);
    expect(visitor).toMatch(/誓約書/);
    expect(visitor).not.toMatch(/メーカーの該非判定書を用意|発送/);
    const tech = renderDecision(d.decision, 'EC-T', content.content, 'en', undefined, {
      caseType: 'technology',
      ruleSet,
    });
    expect(tech).toMatch(/public-domain \(公知\) exception/);
    const goods = renderDecision(d.decision, 'EC-T', content.content, 'ja', undefined, {
      caseType: 'shipment',
      ruleSet,
    });
    expect(goods).toMatch(/メーカーの該非判定書/);
  });

  test('when every answer gave the same outcome, then the card lists the open points for the officer', () => {
    const content = loadConversationContent(RULES_DIR);
    if (!content.ok) throw new Error('content');
    const d = decideFacts(bundled(), {
      caseType: 'technology',
      destinationCountry: 'TH',
      counterpartyName: 'Chulalongkorn University',
      itemDescription: 'unpublished simulation data',
      listStatus: 'unknown',
      basicResearch: 'unknown',
    });
    if (!d.ok) throw new Error('decide');
    expect(d.decision.open).toEqual(['endUseConcern']);
    const card = renderDecision(d.decision, 'EC-T', content.content, 'en', undefined, { caseType: 'technology' });
    expect(card).toMatch(/Open points the office will check: end-use concern/);
  });
});
