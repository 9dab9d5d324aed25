import { describe, expect, test } from 'vitest';
import { derive } from '../../src/core/derive.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { normalizeListCategory } from '../../src/core/list-category.ts';
import { renderText } from '../../src/core/template.ts';
import { validateFacts } from '../../src/core/validate-facts.ts';
import { compiled, item, rule } from '../support/core-parts.ts';

const KP = rule({ id: 'T-BAN', when: { fact: 'destinationCountry', inSet: 'total_ban' }, outcome: 'prohibited' });

describe('evaluate: deciding now when no answer can change the outcome', () => {
  test('when every case type gives the same outcome, then caseType is not asked and is an open point', () => {
    const rs = compiled([KP]);
    const d = evaluate(rs, { destinationCountry: 'KP' }, []);
    expect(d).toMatchObject({ outcome: 'prohibited', missing: [], open: ['caseType'] });
    expect(d.reasons.map((r) => r.id)).toEqual(['T-BAN']);
  });

  test('when caseType is absent and the answers differ, then it is asked first', () => {
    const rs = compiled([
      rule({
        id: 'T-GOODS',
        caseTypes: ['shipment'],
        when: { fact: 'destinationCountry', eq: 'CN' },
        outcome: 'license_required',
      }),
    ]);
    expect(evaluate(rs, { destinationCountry: 'CN' }, [])).toMatchObject({
      outcome: 'needs_facts',
      missing: ['caseType'],
    });
  });

  test('when the answers give different outcomes, then the question is asked', () => {
    const rs = compiled([
      rule({ id: 'T-YES', when: { fact: 'endUseConcern', eq: 'yes' }, outcome: 'license_required' }),
      rule({ id: 'T-NO', when: { fact: 'endUseConcern', in: ['no', 'unknown'] }, outcome: 'no_license_required' }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, [])).toMatchObject({
      outcome: 'needs_facts',
      missing: ['endUseConcern'],
    });
  });

  test('when every answer escalates and none is milder than "I don\'t know", then it is decided as "I don\'t know"', () => {
    const rs = compiled([
      rule({ id: 'T-YES', when: { fact: 'endUseConcern', eq: 'yes' }, outcome: 'license_required' }),
      rule({ id: 'T-UNK', when: { fact: 'endUseConcern', in: ['unknown', 'no'] }, outcome: 'officer_review' }),
    ]);
    const d = evaluate(rs, { caseType: 'shipment' }, []);
    expect(d).toMatchObject({ outcome: 'officer_review', missing: [], open: ['endUseConcern'] });
    expect(d.reasons.map((r) => r.id)).toEqual(['T-UNK']);
  });

  test('when "I don\'t know" is the mildest answer but it clears, then the question is still asked', () => {
    const rs = compiled([
      rule({ id: 'T-YES', when: { fact: 'endUseConcern', eq: 'yes' }, outcome: 'officer_review' }),
      rule({ id: 'T-CLEAR', when: { fact: 'endUseConcern', in: ['unknown', 'no'] }, outcome: 'no_license_required' }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, []).outcome).toBe('needs_facts');
  });

  test('when "I don\'t know" is not the mildest answer, then the question is asked', () => {
    const rs = compiled([
      rule({ id: 'T-NO', when: { fact: 'endUseConcern', eq: 'no' }, outcome: 'officer_review' }),
      rule({ id: 'T-UNK', when: { fact: 'endUseConcern', in: ['unknown', 'yes'] }, outcome: 'license_required' }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, []).outcome).toBe('needs_facts');
  });

  test('when a yes/no fact gives two escalating outcomes, then there is no "I don\'t know" to decide on and it is asked', () => {
    const rs = compiled([
      rule({ id: 'T-BACK', when: { fact: 'temporaryExport', eq: 'yes' }, outcome: 'officer_review' }),
      rule({ id: 'T-GONE', when: { fact: 'temporaryExport', eq: 'no' }, outcome: 'license_required' }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, [])).toMatchObject({
      outcome: 'needs_facts',
      missing: ['temporaryExport'],
    });
  });

  test('when the same outcome comes from different rules, then no reason would hold for every answer and it is asked', () => {
    const rs = compiled([
      rule({ id: 'T-A', when: { fact: 'handCarry', eq: 'yes' }, outcome: 'officer_review' }),
      rule({ id: 'T-B', when: { fact: 'handCarry', eq: 'no' }, outcome: 'officer_review' }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, []).outcome).toBe('needs_facts');
  });

  test('when the next missing fact is free text, then the look-ahead stops and the question is asked', () => {
    const rs = compiled([
      rule({
        id: 'T-NAME',
        when: {
          all: [
            { fact: 'counterpartyName', ne: 'x' },
            { fact: 'endUseConcern', eq: 'yes' },
          ],
        },
        outcome: 'license_required',
      }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, [])).toMatchObject({
      outcome: 'needs_facts',
      missing: ['counterpartyName', 'endUseConcern'],
    });
  });

  test('when nothing more severe than what applies can fire, then nothing is missing or open', () => {
    const rs = compiled([
      KP,
      rule({
        id: 'T-X',
        when: {
          all: [
            { fact: 'handCarry', eq: 'yes' },
            { fact: 'temporaryExport', eq: 'yes' },
          ],
        },
        outcome: 'license_required',
      }),
    ]);
    const d = evaluate(rs, { caseType: 'shipment', destinationCountry: 'KP' }, []);
    expect(d).toMatchObject({ outcome: 'prohibited', missing: [], open: [] });
  });

  test('when three enumerated facts would be needed, then the look-ahead is bounded and the question is asked', () => {
    const rs = compiled([
      rule({
        id: 'T-DEEP',
        when: {
          all: [
            { fact: 'handCarry', eq: 'yes' },
            { fact: 'temporaryExport', eq: 'yes' },
            { fact: 'patentFiling', eq: 'yes' },
          ],
        },
        outcome: 'officer_review',
      }),
      rule({ id: 'T-ALWAYS', when: { fact: 'caseType', eq: 'shipment' }, outcome: 'no_license_required' }),
    ]);
    expect(evaluate(rs, { caseType: 'shipment' }, []).outcome).toBe('needs_facts');
  });
});

describe('evaluate: why not, for officers', () => {
  test('when a rule is considered and not applied, then the deciding fact is named', () => {
    const rs = compiled([
      KP,
      rule({
        id: 'T-PUBLIC',
        caseTypes: ['technology'],
        when: { fact: 'publiclyAvailable', eq: 'yes' },
        outcome: 'exempt',
      }),
      rule({
        id: 'T-BOTH',
        caseTypes: ['technology'],
        when: { any: [{ fact: 'basicResearch', eq: 'yes' }, { not: { fact: 'destinationCountry', eq: 'CN' } }] },
        outcome: 'exempt',
      }),
      rule({ id: 'T-GOODS', caseTypes: ['shipment'], when: { fact: 'caseType', eq: 'shipment' }, outcome: 'exempt' }),
    ]);
    const d = evaluate(
      rs,
      { caseType: 'technology', destinationCountry: 'CN', publiclyAvailable: 'no', basicResearch: 'no' },
      [],
    );
    expect(d.considered).toEqual([
      { id: 'T-BAN', outcome: 'prohibited', because: ['destinationCountry = CN'] },
      { id: 'T-PUBLIC', outcome: 'exempt', because: ['publiclyAvailable = no'] },
      { id: 'T-BOTH', outcome: 'exempt', because: ['basicResearch = no', 'destinationCountry = CN'] },
    ]);
  });

  test('when a rule failed on a fact never asked or on a derived list, then that is said', () => {
    const rs = compiled(
      [
        rule({ id: 'T-ABS', when: { all: [{ fact: 'patentFiling', eq: 'yes', ifAbsent: false }] }, outcome: 'exempt' }),
        rule({ id: 'T-CAT', when: { fact: 'item.categories', in: ['3'] }, outcome: 'license_required' }),
      ],
      { items: [item({ id: 'ITEM-CF', terms: { en: ['carbon fibre'], ja: [], zh: [] }, categories: ['5'] })] },
    );
    const d = evaluate(rs, { caseType: 'shipment', itemDescription: 'carbon fibre' }, []);
    expect(d.considered).toContainEqual({ id: 'T-ABS', outcome: 'exempt', because: ['patentFiling not asked'] });
    expect(d.considered).toContainEqual({
      id: 'T-CAT',
      outcome: 'license_required',
      because: ['item.categories = [5]'],
    });
  });

  test('when the case type is absent, then nothing is listed as considered', () => {
    expect(evaluate(compiled([KP]), { destinationCountry: 'DE' }, []).considered).toEqual([]);
  });
});

describe('derive: what the description settles by itself', () => {
  const rs = compiled([], {
    items: [
      item({
        id: 'ITEM-HINT-UNPUB',
        strength: 'hint',
        terms: { en: ['unpublished'], ja: ['未公開'], zh: [] },
        implies: { publiclyAvailable: 'no' },
      }),
      item({
        id: 'ITEM-HINT-PUB',
        strength: 'hint',
        terms: { en: ['published'], ja: [], zh: [] },
        implies: { publiclyAvailable: 'yes' },
      }),
      item({ id: 'ITEM-REAGENT', strength: 'hint', terms: { en: ['reagent'], ja: [], zh: [] }, consumable: true }),
      item({ id: 'ITEM-STRAIN', strength: 'listed', terms: { en: ['anthrax'], ja: [], zh: [] }, categories: ['3の2'] }),
      item({ id: 'ITEM-BOOK', strength: 'not_controlled', terms: { en: ['textbook'], ja: [], zh: [] } }),
      item({ id: 'ITEM-CF', strength: 'possible', terms: { en: ['carbon fibre'], ja: [], zh: [] }, categories: ['5'] }),
    ],
  });
  const look = (facts: Record<string, unknown>, key: string) => derive(rs, facts, []).lookup(key);

  test('when the description says unpublished, then publiclyAvailable is no unless the researcher said otherwise', () => {
    expect(look({ itemDescription: '未公開のデータ' }, 'publiclyAvailable')).toEqual({ present: true, value: 'no' });
    expect(look({ itemDescription: '未公開のデータ', publiclyAvailable: 'yes' }, 'publiclyAvailable')).toEqual({
      present: true,
      value: 'yes',
    });
    expect(look({ itemDescription: 'data' }, 'publiclyAvailable')).toEqual({
      present: false,
      source: 'publiclyAvailable',
    });
  });

  test('when two entries imply different values, then nothing is settled', () => {
    expect(look({ itemDescription: 'unpublished and published parts' }, 'publiclyAvailable')).toEqual({
      present: false,
      source: 'publiclyAvailable',
    });
  });

  test('when the goods are a reagent or a listed substance, then they are consumable', () => {
    expect(look({ itemDescription: 'a reagent' }, 'item.consumable')).toEqual({ present: true, value: 'yes' });
    expect(look({ itemDescription: 'anthrax' }, 'item.consumable')).toEqual({ present: true, value: 'yes' });
    expect(look({ itemDescription: 'carbon fibre' }, 'item.consumable')).toEqual({ present: true, value: 'no' });
    expect(look({}, 'item.consumable')).toEqual({ present: false, source: 'itemDescription' });
  });

  test('when one item is controlled above a spec and one is not, then only the first gives a 項 and the strength', () => {
    expect(look({ itemDescription: 'textbook and carbon fibre' }, 'item.categories')).toEqual({
      present: true,
      value: ['5'],
    });
    expect(look({ itemDescription: 'textbook and carbon fibre' }, 'item.strength')).toEqual({
      present: true,
      value: 'possible',
    });
    expect(look({ itemDescription: 'textbook' }, 'item.strength')).toEqual({ present: true, value: 'not_controlled' });
    expect(look({ itemDescription: 'anthrax and textbook' }, 'item.strength')).toEqual({
      present: true,
      value: 'listed',
    });
  });

  test('when listCategory is written the way the law writes it, then it is the 項', () => {
    expect(look({ listCategory: '1の5' }, 'category')).toEqual({ present: true, value: ['5'] });
    expect(look({ itemDescription: 'carbon fibre' }, 'category')).toEqual({ present: true, value: ['5'] });
    expect(look({ itemDescription: 'something' }, 'category')).toEqual({ present: false, source: 'listCategory' });
    expect(look({}, 'category')).toEqual({ present: false, source: 'itemDescription' });
  });
});

describe('list categories', () => {
  test.each([
    ['別表第1の5項', '5'],
    ['輸出令別表第一の3の2項', '3の2'],
    ['外為令別表の16項', '16'],
    ['別表第3', undefined],
    ['別表第１の１５項', '15'],
    ['第6項', '6'],
    ['十五項', '15'],
    ['十項', '10'],
    ['3-2', '3の2'],
    ['1の5', '5'],
    ['1の16', '16'],
    ['17', undefined],
    ['0', undefined],
    ['項', undefined],
    ['abc', undefined],
  ])('%s → %s', (text, want) => {
    expect(normalizeListCategory(text)).toBe(want);
  });

  test('when decide is given 「別表第1の5項」, then the fact is stored as 5; a 項 that does not exist is invalid', () => {
    const rs = compiled([]);
    expect(validateFacts({ listCategory: '別表第1の5項' }, rs)).toEqual({ ok: true, facts: { listCategory: '5' } });
    const bad = validateFacts({ listCategory: '別表第1の17項' }, rs);
    expect(bad.ok).toBe(false);
  });
});

describe('validate facts', () => {
  const rs = compiled([]);
  test.each([[null], [[]], ['text'], [42]])('when the input is %j, then it is refused as not an object', (input) => {
    expect(validateFacts(input, rs)).toEqual({
      ok: false,
      issues: [{ code: 'CORE.INPUT_NOT_OBJECT', path: '', message: 'facts must be a JSON object' }],
    });
  });

  test('when keys are unknown and values wrong, then each is reported with its path', () => {
    const r = validateFacts({ caseType: 'parcel', colour: 'red', shade: 1 }, rs);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.filter((i) => i.code === 'CORE.FACT_UNKNOWN').map((i) => i.path)).toEqual(['colour', 'shade']);
      expect(r.issues.filter((i) => i.code === 'CORE.FACT_INVALID').map((i) => i.path)).toEqual(['caseType']);
    }
  });

  test('when the country is not in the rules, then it is refused; a known one passes', () => {
    expect(validateFacts({ destinationCountry: 'FR' }, rs)).toMatchObject({
      ok: false,
      issues: [{ code: 'CORE.COUNTRY_UNKNOWN' }],
    });
    expect(validateFacts({ destinationCountry: 'DE' }, rs)).toEqual({ ok: true, facts: { destinationCountry: 'DE' } });
  });
});

describe('templates: every placeholder renders to words', () => {
  const rs = compiled([], {
    items: [
      item({ id: 'ITEM-CF', terms: { en: ['carbon fibre'], ja: ['炭素繊維'], zh: [] }, categories: ['5'] }),
      item({ id: 'ITEM-BOOK', strength: 'not_controlled', terms: { en: ['textbook'], ja: [], zh: [] } }),
      item({ id: 'ITEM-HINT', strength: 'hint', terms: { en: ['own use'], ja: [], zh: [] } }),
    ],
  });
  const render = (text: string, lang: 'ja' | 'en', facts: Record<string, unknown>, screening = []) =>
    renderText(text, lang, rs, facts, derive(rs, facts, screening), screening);

  test('when the catalogue matched an entry, then it is named with its 項', () => {
    expect(render('{matchedItems}', 'ja', { itemDescription: '炭素繊維と教科書' })).toBe('炭素繊維 → 5項の可能性');
    expect(render('{matchedItems}', 'en', { itemDescription: 'carbon fibre' })).toBe('carbon fibre → possibly 5項');
    expect(render('{items}', 'en', { itemDescription: 'textbook and carbon fibre, own use' })).toBe(
      'carbon fibre, textbook',
    );
    expect(render('{categories}', 'ja', { listCategory: '3の2' })).toBe('3の2項');
    expect(render('{categories}', 'en', { itemDescription: 'carbon fibre' })).toBe('item 5');
  });

  test('when there is nothing to name, then the placeholder says so instead of staying raw or empty', () => {
    const facts = {};
    for (const [text, ja] of [
      ['{items}', '品目は未特定'],
      ['{categories}', '項は該非判定で確定'],
      ['{matchedItems}', '品目カタログに一致した項目はありません'],
      ['{country}', '相手国'],
      ['{eulHits}', '（該当なし）'],
      ['{surveyLab}', '（研究室名なし）'],
      ['{surveyDate}', '日付不明'],
    ] as const)
      expect(render(text, 'ja', facts)).toBe(ja);
    expect(render('{matchedItems}', 'en', { itemDescription: 'textbook' })).toBe(
      'nothing in the item catalogue matched',
    );
    expect(render('{country}', 'en', { destinationCountry: 'DE' })).toBe('DE');
    expect(render('no braces', 'en', facts)).toBe('no braces');
    expect(render('{unknownName}', 'en', facts)).toBe('{unknownName}');
  });
});
