import { describe, expect, test } from 'vitest';
import { decideFacts } from '../../src/app/decide.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { bundled, decide } from '../support/fixtures.ts';

describe('evaluate', () => {
  test('when the same facts are decided twice under the same rules, then the decisions are byte-identical', () => {
    const facts = {
      caseType: 'shipment',
      destinationCountry: 'TH',
      itemDescription: '49％フッ化水素酸',
      counterpartyName: 'Chulalongkorn University',
    };
    expect(JSON.stringify(decide(facts))).toBe(JSON.stringify(decide({ ...facts })));
  });

  test('when a decision is made, then every reason carries a rule id, a citation and both languages', () => {
    const d = decide({
      caseType: 'shipment',
      destinationCountry: 'IR',
      itemDescription: 'Bacillus anthracis',
      counterpartyName: 'University of Tehran',
      temporaryExport: 'no',
      endUseConcern: 'no',
    });
    expect(d.outcome).toBe('prohibited');
    for (const r of d.reasons) {
      expect(r.id).toMatch(/^[A-Z]+(-[A-Z0-9]+)+$/);
      expect(r.citation.length).toBeGreaterThan(5);
      expect(r.ja).toMatch(/[\u3040-\u9fff]/);
      expect(r.en).toMatch(/[a-z]/);
      expect(r.ja + r.en).not.toMatch(/\{\w+\}/);
    }
    expect(d.rulesVersion).toMatch(/^rules-[0-9a-f]{12}$/);
  });

  test('when a fact was never asked, then it is missing and the outcome is needs_facts', () => {
    const d = decide({
      caseType: 'shipment',
      destinationCountry: 'VN',
      itemDescription: '試作した計測ボード',
      counterpartyName: 'Hanoi University of Science and Technology',
    });
    expect(d.outcome).toBe('needs_facts');
    expect(d.missing[0]).toBe('listStatus');
  });

  test('when the researcher does not know, then the answer is never a clearance', () => {
    const base = {
      caseType: 'shipment',
      destinationCountry: 'VN',
      itemDescription: '汎用の計測器',
      counterpartyName: 'Hanoi University of Science and Technology',
      listStatus: 'not_controlled',
      militaryEndUser: 'no',
    };
    expect(decide({ ...base, endUseConcern: 'no' }).outcome).toBe('no_license_required');
    expect(decide({ ...base, endUseConcern: 'unknown' }).outcome).toBe('officer_review');
    expect(decide({ ...base, endUseConcern: 'no', listStatus: 'unknown' }).outcome).toBe('classification_needed');
  });

  test('when an LLM-style attempt adds a verdict key, then it is rejected as an unknown fact', () => {
    const r = decideFacts(bundled(), { caseType: 'shipment', outcome: 'no_license_required' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.code, i.path])).toEqual([['CORE.FACT_UNKNOWN', 'outcome']]);
  });

  test('when complete facts match no rule, then the fallback sends the case to an officer', () => {
    const { ruleSet } = bundled();
    const gap: RuleSet = { ...ruleSet, rules: ruleSet.rules.filter((r) => r.id !== 'CA-GOODS-CLEAR') };
    const d = evaluate(
      gap,
      {
        caseType: 'shipment',
        destinationCountry: 'DE',
        itemDescription: '汎用の計測器',
        counterpartyName: 'Heidelberg University',
        listStatus: 'not_controlled',
        endUseConcern: 'no',
      },
      [],
    );
    expect(d.outcome).toBe('officer_review');
    expect(d.reasons.map((r) => r.id)).toEqual(['CORE-NO-RULE-APPLIES']);
  });

  test('when an item matches the catalogue in another script or width, then it is still recognised', () => {
    const ship = (itemDescription: string) =>
      decide({
        caseType: 'shipment',
        destinationCountry: 'US',
        counterpartyName: 'MIT',
        itemDescription,
        temporaryExport: 'no',
      });
    for (const text of [
      'ＦＲＡＮＣＩＳＥＬＬＡ ＴＵＬＡＲＥＮＳＩＳ',
      'francisella tularensis strains',
      '野兎病菌の株',
      '野兔热杆菌',
    ]) {
      expect(ship(text).outcome).toBe('license_required');
    }
  });

  test('when an item matches nothing, then it is not cleared but sent for classification', () => {
    const d = decide({
      caseType: 'shipment',
      destinationCountry: 'DE',
      itemDescription: 'a widget',
      counterpartyName: 'Heidelberg University',
      listStatus: 'unknown',
      endUseConcern: 'no',
    });
    expect(d.outcome).toBe('classification_needed');
  });
});
