import { describe, expect, test } from 'vitest';
import { compileRuleSet } from '../../src/core/compile.ts';
import { derive } from '../../src/core/derive.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { compileItemMatcher } from '../../src/core/item-match.ts';
import { normalizeListCategory } from '../../src/core/list-category.ts';
import { ConditionSchema, ItemSchema, RuleSchema } from '../../src/core/rules-schema.ts';
import { renderText } from '../../src/core/template.ts';
import { validateFacts } from '../../src/core/validate-facts.ts';
import { compiled, FALLBACK, item, parts, rule } from '../support/core-parts.ts';

const problems = (p: ReturnType<typeof parts>) => {
  const r = compileRuleSet(p);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('compile: paths inside nested conditions', () => {
  test('when a nested part is wrong, then its full path is given', () => {
    const p = parts(
      [
        rule({
          id: 'T-NEST',
          when: { all: [{ not: { fact: 'colour', eq: 1 } }, { ref: 'c' }] },
          outcome: 'exempt',
          text: { ja: 'ok', en: '{nope}' },
        }),
        FALLBACK,
      ],
      { conditions: { c: { any: [{ fact: 'shade', eq: 1 }] }, self: { ref: 'self' } } },
    );
    expect(problems(p)).toEqual([
      'conditions.c.any[0].fact: unknown fact "shade"',
      'conditions.self.ref: condition cycle: self → self',
      'rules[0].when.all[0].not.fact: unknown fact "colour"',
      'rules[0].when.all[1].ref(c).any[0].fact: unknown fact "shade"',
      'rules[0].text.en: unknown placeholder "{nope}" would reach the user unfilled',
    ]);
  });

  test('when options are given to a free-text fact or missing from an enumerated one, then both are named', () => {
    const p = parts([rule({ id: 'T-OK', when: { fact: 'caseType', eq: 'shipment' }, outcome: 'exempt' }), FALLBACK], {
      items: [item({ id: 'ITEM-GOOD', implies: { publiclyAvailable: 'no' } })],
    });
    p.facts.value = p.facts.value.map((f) =>
      f.key === 'counterpartyName'
        ? { ...f, options: { x: { ja: 'x', en: 'x' } } }
        : f.key === 'handCarry'
          ? { key: f.key, question: f.question, hint: f.hint }
          : f,
    );
    expect(problems(p)).toEqual([
      expect.stringMatching(/options\.x: "x" is not a value of counterpartyName/),
      expect.stringMatching(/options: missing a label for handCarry="yes"/),
      expect.stringMatching(/options: missing a label for handCarry="no"/),
    ]);
  });
});

describe('rules schema', () => {
  test('when a fact condition has no operator or two, then it is refused; one is accepted', () => {
    expect(ConditionSchema.safeParse({ fact: 'caseType' }).success).toBe(false);
    expect(ConditionSchema.safeParse({ fact: 'caseType', eq: 'a', ne: 'b' }).success).toBe(false);
    expect(ConditionSchema.safeParse({ fact: 'caseType', eq: 'a' }).success).toBe(true);
    expect(ConditionSchema.safeParse({ fact: 'caseType', absent: true }).success).toBe(true);
    expect(ConditionSchema.safeParse({ all: [] }).success).toBe(false);
    expect(ConditionSchema.safeParse({ all: [{ ref: 'x' }], extra: 1 }).success).toBe(false);
  });

  test('when a rule or item id is malformed, then it is refused; items get their defaults', () => {
    const base = {
      caseTypes: ['shipment'],
      when: { ref: 'x' },
      outcome: 'exempt',
      citation: 'c',
      text: { ja: 'j', en: 'e' },
      note: 'n',
    };
    expect(RuleSchema.safeParse({ ...base, id: 'LC-GOODS' }).success).toBe(true);
    expect(RuleSchema.safeParse({ ...base, id: 'lc-goods' }).success).toBe(false);
    expect(RuleSchema.safeParse({ ...base, id: 'LCGOODS' }).success).toBe(false);
    expect(RuleSchema.safeParse({ ...base, id: 'LC-GOODS', citationFor: { technology: 't' } }).success).toBe(true);
    expect(RuleSchema.safeParse({ ...base, id: 'LC-GOODS', citationFor: { parcel: 't' } }).success).toBe(false);
    const parsed = ItemSchema.parse({ id: 'ITEM-X', terms: { en: ['xx'] }, strength: 'possible', citation: 'c' });
    expect(parsed).toMatchObject({
      categories: [],
      priorReport: false,
      outsideCatchAll: false,
      hs16_1: false,
      concerns: [],
      flags: [],
    });
    expect(ItemSchema.safeParse({ id: 'ITEM-X', terms: {}, strength: 'possible', citation: 'c' }).success).toBe(false);
    expect(ItemSchema.safeParse({ id: 'X', terms: { en: ['xx'] }, strength: 'possible', citation: 'c' }).success).toBe(
      false,
    );
    expect(
      ItemSchema.safeParse({
        id: 'ITEM-X',
        terms: { en: ['xx'] },
        strength: 'possible',
        citation: 'c',
        categories: ['17'],
      }).success,
    ).toBe(false);
  });
});

describe('evaluate: look-ahead edges', () => {
  test('when deciding needs a third enumerated fact, then the look-ahead stops at two and asks', () => {
    const rs = compiled([
      rule({ id: 'T-BASE', when: { fact: 'caseType', eq: 'shipment' }, outcome: 'officer_review' }),
      rule({
        id: 'T-ALL3',
        when: {
          all: [
            { fact: 'endUseConcern', eq: 'yes' },
            { fact: 'militaryEndUser', eq: 'yes' },
            { fact: 'publiclyAvailable', eq: 'yes' },
          ],
        },
        outcome: 'license_required',
      }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, []).outcome).toBe('needs_facts');
    // With the first answered, two remain: within reach, and "I don't know" is the mildest escalation.
    const d = evaluate(rs, { caseType: 'shipment', endUseConcern: 'yes' }, []);
    expect(d).toMatchObject({ outcome: 'officer_review', open: ['militaryEndUser', 'publiclyAvailable'] });
  });

  test('when a fact is enumerated on only some paths, then it is still an open point', () => {
    const rs = compiled([
      rule({ id: 'T-BASE', when: { fact: 'caseType', eq: 'shipment' }, outcome: 'officer_review' }),
      rule({
        id: 'T-2',
        when: {
          all: [
            { fact: 'endUseConcern', eq: 'yes' },
            { fact: 'militaryEndUser', eq: 'yes' },
          ],
        },
        outcome: 'license_required',
      }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, [])).toMatchObject({
      outcome: 'officer_review',
      open: ['endUseConcern', 'militaryEndUser'],
    });
  });

  test('when the answers agree only through a rule of another outcome, then no reason holds and it is asked', () => {
    const rs = compiled([
      rule({ id: 'T-CLR', when: { fact: 'caseType', eq: 'shipment' }, outcome: 'no_license_required' }),
      rule({ id: 'T-A', when: { fact: 'handCarry', eq: 'yes' }, outcome: 'officer_review' }),
      rule({ id: 'T-B', when: { fact: 'handCarry', eq: 'no' }, outcome: 'officer_review' }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, []).outcome).toBe('needs_facts');
  });

  test('when "I don\'t know" is the decision and the answers share only a milder rule, then its own rules answer', () => {
    const rs = compiled([
      rule({ id: 'T-CLR', when: { fact: 'caseType', eq: 'shipment' }, outcome: 'no_license_required' }),
      rule({ id: 'T-U', when: { fact: 'endUseConcern', in: ['unknown', 'no'] }, outcome: 'officer_review' }),
      rule({ id: 'T-Y', when: { fact: 'endUseConcern', eq: 'yes' }, outcome: 'license_required' }),
    ]);
    const d = evaluate(rs, { caseType: 'shipment' }, []);
    expect(d.outcome).toBe('officer_review');
    expect(d.reasons.map((r) => r.id)).toEqual(['T-U', 'T-CLR']);
  });

  test('when the same outcome comes from different rules, then "I don\'t know"\'s rules answer', () => {
    const rs = compiled([
      rule({ id: 'T-U', when: { fact: 'endUseConcern', in: ['unknown', 'no'] }, outcome: 'officer_review' }),
      rule({ id: 'T-Y', when: { fact: 'endUseConcern', eq: 'yes' }, outcome: 'officer_review' }),
    ]);
    const d = evaluate(rs, { caseType: 'shipment' }, []);
    expect(d).toMatchObject({ outcome: 'officer_review', open: ['endUseConcern'] });
    expect(d.reasons.map((r) => r.id)).toEqual(['T-U']);
  });

  test('when a rule applies, then it is not listed among the rules considered and not applied', () => {
    const rs = compiled([
      rule({ id: 'T-ON', when: { fact: 'caseType', eq: 'shipment' }, outcome: 'officer_review' }),
      rule({
        id: 'T-OFF',
        when: {
          all: [
            { fact: 'destinationCountry', eq: 'CN' },
            { fact: 'handCarry', eq: 'yes' },
          ],
        },
        outcome: 'license_required',
      }),
      rule({
        id: 'T-MANY',
        when: {
          any: [
            { fact: 'handCarry', eq: 'yes' },
            { fact: 'temporaryExport', eq: 'yes' },
            { fact: 'patentFiling', eq: 'yes' },
            { fact: 'valueJPY', gt: 1 },
            { fact: 'item.categories', eq: '9' },
          ],
        },
        outcome: 'license_required',
      }),
    ]);
    const d = evaluate(
      rs,
      {
        caseType: 'shipment',
        destinationCountry: 'DE',
        itemDescription: 'x',
        handCarry: 'no',
        temporaryExport: 'no',
        patentFiling: 'no',
        valueJPY: 0,
      },
      [],
    );
    expect(d.considered.map((c) => c.id)).toEqual(['T-OFF', 'T-MANY']);
    expect(d.considered[0]!.because).toEqual(['destinationCountry = DE']);
    expect(d.considered[1]!.because).toEqual(['handCarry = no', 'temporaryExport = no', 'patentFiling = no']);
  });

  test('when a deciding fact is a list or repeats, then it is shown once, joined', () => {
    const rs = compiled(
      [
        rule({
          id: 'T-LIST',
          when: {
            any: [
              { fact: 'item.categories', eq: '9' },
              { fact: 'item.categories', eq: '8' },
            ],
          },
          outcome: 'license_required',
        }),
      ],
      { items: [item({ id: 'ITEM-A', terms: { en: ['alpha'], ja: [], zh: [] }, categories: ['5', '6'] })] },
    );
    const d = evaluate(rs, { caseType: 'shipment', itemDescription: 'alpha' }, []);
    expect(d.considered).toEqual([
      { id: 'T-LIST', outcome: 'license_required', because: ['item.categories = [5, 6]'] },
    ]);
  });
});

describe('derive and templates: edges', () => {
  const rs = compiled([], {
    items: [
      item({ id: 'ITEM-CF', terms: { en: ['carbon fibre'], ja: [], zh: [] }, categories: ['5'], concerns: ['M'] }),
      item({ id: 'ITEM-LIST', strength: 'listed', terms: { en: ['anthrax'], ja: [], zh: [] }, categories: ['3の2'] }),
      item({
        id: 'ITEM-BOOK',
        strength: 'not_controlled',
        terms: { en: ['book'], ja: [], zh: [] },
        categories: ['16'],
      }),
      item({ id: 'ITEM-NOCAT', terms: { en: ['gadget'], ja: [], zh: [] } }),
      item({
        id: 'ITEM-HINT',
        strength: 'hint',
        terms: { en: ['hint'], ja: [], zh: [] },
        categories: ['4'],
        concerns: ['N'],
      }),
    ],
  });
  const look = (facts: Record<string, unknown>, key: string) => derive(rs, facts, []).lookup(key);

  test('when items of different strengths match, then the strongest wins and a hint never counts', () => {
    expect(look({ itemDescription: 'hint' }, 'item.strength')).toEqual({ present: true, value: 'none' });
    expect(look({ itemDescription: 'book and carbon fibre and anthrax' }, 'item.strength')).toEqual({
      present: true,
      value: 'listed',
    });
    expect(look({ itemDescription: 'carbon fibre and book' }, 'item.strength')).toEqual({
      present: true,
      value: 'possible',
    });
    expect(look({ itemDescription: 'book and hint' }, 'item.categories')).toEqual({ present: true, value: ['4'] });
    expect(look({ itemDescription: 'hint and carbon fibre' }, 'item.concerns')).toEqual({
      present: true,
      value: ['M', 'N'],
    });
    expect(look({ itemDescription: 'carbon fibre and anthrax' }, 'item.consumable')).toEqual({
      present: true,
      value: 'yes',
    });
    expect(look({ itemDescription: 'anthrax' }, 'item.strength')).toEqual({ present: true, value: 'listed' });
    expect(look({ counterpartyName: 'x' }, 'screen.eul')).toEqual({ present: true, value: 'none' });
  });

  test('when matched entries have no 項 or are not controlled, then classification names only those with one', () => {
    const r = (t: string, facts: Record<string, unknown>, lang: 'ja' | 'en' = 'ja') =>
      renderText(t, lang, rs, facts, derive(rs, facts, []), []);
    expect(r('{matchedItems}', { itemDescription: 'gadget, book and carbon fibre' })).toBe(
      'carbon fibre → 5項の可能性',
    );
    expect(r('{items}', { itemDescription: 'book and carbon fibre' })).toBe('carbon fibre、book');
    expect(r('{categories}', { itemDescription: 'anthrax and carbon fibre' }, 'en')).toBe('item 5, item 3の2');
    expect(r('{eulHits}', {}, 'en')).toBe('(none)');
    expect(r('plain', {})).toBe('plain');
  });
});

describe('item matcher and list categories: edges', () => {
  test('when two terms of one item match, then the item is listed once with its first term', () => {
    const m = compileItemMatcher([
      item({ id: 'ITEM-B', terms: { en: ['beta'], ja: [], zh: [] } }),
      item({ id: 'ITEM-A', terms: { en: ['alpha', 'alpha ray'], ja: ['アルファ'], zh: [] } }),
    ]);
    expect(m.matchWithTerms('アルファ alpha ray and beta')).toEqual([
      { id: 'ITEM-B', term: 'beta' },
      { id: 'ITEM-A', term: 'alpha' },
    ]);
    expect(m.match('nothing')).toEqual([]);
  });

  test.each([
    ['別表第 1 の 5 項', '5'],
    ['別表1の6項', '6'],
    ['第1の5', '5'],
    ['別表第2の3', undefined],
    ['1の5の2', undefined],
    ['輸出令 別表第1 7項', '7'],
    ['3項です', '3'],
  ])('%s → %s', (text, want) => {
    expect(normalizeListCategory(text)).toBe(want);
  });
});

describe('validate facts: messages', () => {
  const rs = compiled([]);
  test('when facts are refused, then the messages name the key and the country', () => {
    expect(validateFacts({ colour: 1 }, rs)).toEqual({
      ok: false,
      issues: [{ code: 'CORE.FACT_UNKNOWN', path: 'colour', message: 'unknown fact "colour"' }],
    });
    expect(validateFacts({ destinationCountry: 'FR' }, rs)).toEqual({
      ok: false,
      issues: [{ code: 'CORE.COUNTRY_UNKNOWN', path: 'destinationCountry', message: 'unknown country code "FR"' }],
    });
    const bad = validateFacts({ valueJPY: -1 }, rs);
    expect(bad.ok === false && bad.issues[0]!.path).toBe('valueJPY');
  });
});
