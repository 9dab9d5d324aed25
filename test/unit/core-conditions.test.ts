import { describe, expect, test } from 'vitest';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { derive } from '../../src/core/derive.ts';
import { evaluate, traceRules } from '../../src/core/evaluate.ts';
import type { Condition } from '../../src/core/rules-schema.ts';
import { renderText } from '../../src/core/template.ts';
import { compiled, item, rule } from '../support/core-parts.ts';

const hit = (partial: Partial<ScreeningHit>): ScreeningHit => ({
  list: 'jp-eul',
  entry: 1,
  name: 'Listed Univ',
  matchedOn: 'Listed Univ',
  score: 1,
  matchType: 'exact',
  kind: 'eul',
  ...partial,
});

/** The value of one condition for one fact set, through a one-rule rule set. */
function value(when: Condition, facts: Record<string, unknown>, screening: ScreeningHit[] = []) {
  const rs = compiled([rule({ id: 'T-C', when, outcome: 'officer_review' })], {
    items: [
      item({
        id: 'ITEM-CF',
        terms: { en: ['carbon fibre'], ja: [], zh: [] },
        categories: ['5'],
        concerns: ['M'],
        priorReport: true,
        hs16_1: true,
      }),
      item({
        id: 'ITEM-BOOK',
        strength: 'not_controlled',
        terms: { en: ['book'], ja: [], zh: [] },
        outsideCatchAll: true,
      }),
      item({ id: 'ITEM-GLASS', strength: 'not_controlled', terms: { en: ['beaker'], ja: [], zh: [] } }),
      item({
        id: 'ITEM-HINT-PAT',
        strength: 'hint',
        terms: { en: ['patent'], ja: [], zh: [] },
        exception: 'patent',
        flags: ['us_reexport'],
      }),
    ],
  });
  const derived = derive(rs, { caseType: 'shipment', ...facts }, screening, {});
  return traceRules(rs, { caseType: 'shipment', ...facts } as never, derived)[0]!.result;
}

describe('conditions', () => {
  test('when each operator meets a present fact, then it gives true or false', () => {
    expect(value({ fact: 'destinationCountry', eq: 'DE' }, { destinationCountry: 'DE' }).value).toBe(true);
    expect(value({ fact: 'destinationCountry', ne: 'DE' }, { destinationCountry: 'DE' }).value).toBe(false);
    expect(value({ fact: 'destinationCountry', ne: 'DE' }, { destinationCountry: 'CN' }).value).toBe(true);
    expect(value({ fact: 'destinationCountry', in: ['CN', 'US'] }, { destinationCountry: 'US' }).value).toBe(true);
    expect(value({ fact: 'destinationCountry', in: ['CN', 'US'] }, { destinationCountry: 'DE' }).value).toBe(false);
    expect(value({ fact: 'destinationCountry', notIn: ['CN'] }, { destinationCountry: 'DE' }).value).toBe(true);
    expect(value({ fact: 'destinationCountry', notIn: ['CN'] }, { destinationCountry: 'CN' }).value).toBe(false);
    expect(value({ fact: 'destinationCountry', inSet: 'group_a' }, { destinationCountry: 'US' }).value).toBe(true);
    expect(value({ fact: 'destinationCountry', inSet: 'group_a' }, { destinationCountry: 'CN' }).value).toBe(false);
    expect(value({ fact: 'destinationCountry', notInSet: 'group_a' }, { destinationCountry: 'CN' }).value).toBe(true);
    expect(value({ fact: 'destinationCountry', notInSet: 'group_a' }, { destinationCountry: 'DE' }).value).toBe(false);
    expect(value({ fact: 'valueJPY', lte: 50000 }, { valueJPY: 50000 }).value).toBe(true);
    expect(value({ fact: 'valueJPY', lte: 50000 }, { valueJPY: 50001 }).value).toBe(false);
    expect(value({ fact: 'valueJPY', gt: 50000 }, { valueJPY: 50000 }).value).toBe(false);
    expect(value({ fact: 'valueJPY', gt: 50000 }, { valueJPY: 50001 }).value).toBe(true);
    expect(value({ fact: 'destinationCountry', lte: 1 }, { destinationCountry: 'DE' }).value).toBe(false);
    expect(value({ fact: 'destinationCountry', gt: 1 }, { destinationCountry: 'DE' }).value).toBe(false);
  });

  test('when a derived fact holds a list, then in, notIn and eq look at every member', () => {
    const facts = { itemDescription: 'carbon fibre and a book' };
    expect(value({ fact: 'item.categories', in: ['5'] }, facts).value).toBe(true);
    expect(value({ fact: 'item.categories', eq: '5' }, facts).value).toBe(true);
    expect(value({ fact: 'item.categories', notIn: ['5'] }, facts).value).toBe(false);
    expect(value({ fact: 'item.categories', notIn: ['3'] }, facts).value).toBe(true);
    expect(value({ fact: 'item.categories', ne: '5' }, facts).value).toBe(false);
  });

  test('when a fact is absent, then the condition is unknown and remembers it, unless ifAbsent or absent says otherwise', () => {
    const r = value({ fact: 'endUseConcern', eq: 'yes' }, {});
    expect(r.value).toBeNull();
    expect([...r.absent]).toEqual(['endUseConcern']);
    expect(value({ fact: 'endUseConcern', eq: 'yes', ifAbsent: true }, {}).value).toBe(true);
    expect(value({ fact: 'endUseConcern', eq: 'yes', ifAbsent: false }, {}).value).toBe(false);
    expect(value({ fact: 'endUseConcern', absent: true }, {}).value).toBe(true);
    expect(value({ fact: 'endUseConcern', absent: true }, { endUseConcern: 'unknown' }).value).toBe(false);
  });

  test('when parts are combined, then all/any/not follow three-valued logic and collect the absent facts', () => {
    const yes = { fact: 'destinationCountry', eq: 'DE' } as const;
    const no = { fact: 'destinationCountry', eq: 'CN' } as const;
    const open = { fact: 'endUseConcern', eq: 'yes' } as const;
    const open2 = { fact: 'militaryEndUser', eq: 'yes' } as const;
    const f = { destinationCountry: 'DE' };
    expect(value({ all: [yes, yes] }, f).value).toBe(true);
    expect(value({ all: [yes, no] }, f).value).toBe(false);
    expect(value({ all: [open, no] }, f).value).toBe(false);
    const allOpen = value({ all: [yes, open, open2] }, f);
    expect(allOpen.value).toBeNull();
    expect([...allOpen.absent]).toEqual(['endUseConcern', 'militaryEndUser']);
    expect(value({ any: [no, yes] }, f).value).toBe(true);
    expect(value({ any: [no, no] }, f).value).toBe(false);
    expect(value({ any: [open, yes] }, f).value).toBe(true);
    const anyOpen = value({ any: [no, open, open2] }, f);
    expect(anyOpen.value).toBeNull();
    expect([...anyOpen.absent]).toEqual(['endUseConcern', 'militaryEndUser']);
    expect(value({ not: yes }, f).value).toBe(false);
    expect(value({ not: no }, f).value).toBe(true);
    expect(value({ not: open }, f).value).toBeNull();
  });
});

describe('derived facts', () => {
  test('when the counterparty is screened, then each list reports its best match, and none without a name', () => {
    const hits = [
      hit({ matchType: 'possible' }),
      hit({ matchType: 'strong' }),
      hit({ kind: 'csl', matchType: 'possible' }),
    ];
    const name = { counterpartyName: 'X' };
    expect(value({ fact: 'screen.eul', eq: 'strong' }, name, hits).value).toBe(true);
    expect(value({ fact: 'screen.eul', eq: 'exact' }, name, [hit({})]).value).toBe(true);
    expect(value({ fact: 'screen.eul', eq: 'possible' }, name, [hit({ matchType: 'possible' })]).value).toBe(true);
    expect(value({ fact: 'screen.csl', eq: 'possible' }, name, hits).value).toBe(true);
    expect(value({ fact: 'screen.specifiedEntity', eq: 'none' }, name, hits).value).toBe(true);
    expect([...value({ fact: 'screen.eul', eq: 'none' }, {}, hits).absent]).toEqual(['counterpartyName']);
  });

  test('when an EUL entry shares a concern with the item, then it matches; a possible hit or another concern does not', () => {
    const facts = { counterpartyName: 'X', itemDescription: 'carbon fibre' };
    const match = { fact: 'screen.eulConcernMatch', eq: 'yes' } as const;
    expect(value(match, facts, [hit({ concerns: ['M', 'N'] })]).value).toBe(true);
    expect(value(match, facts, [hit({ concerns: ['B'] })]).value).toBe(false);
    expect(value(match, facts, [hit({ concerns: ['M'], matchType: 'possible' })]).value).toBe(false);
    expect(value(match, facts, [hit({ concerns: ['M'], kind: 'csl' })]).value).toBe(false);
    expect(value(match, facts, [hit({})]).value).toBe(false);
    expect([...value(match, { counterpartyName: 'X' }, []).absent]).toEqual(['itemDescription']);
    expect([...value(match, { itemDescription: 'x' }, []).absent]).toEqual(['counterpartyName']);
  });

  test('when items are matched, then prior report, exception, 16項(1), concerns and outside-catch-all follow them', () => {
    const cf = { itemDescription: 'carbon fibre' };
    expect(value({ fact: 'item.priorReport', eq: 'yes' }, cf).value).toBe(true);
    expect(value({ fact: 'item.priorReport', eq: 'yes' }, { itemDescription: 'book' }).value).toBe(false);
    expect(value({ fact: 'item.hs16_1', eq: 'yes' }, cf).value).toBe(true);
    expect(value({ fact: 'item.hs16_1', eq: 'no' }, { itemDescription: 'book' }).value).toBe(true);
    expect(value({ fact: 'item.concerns', eq: 'M' }, cf).value).toBe(true);
    expect(value({ fact: 'item.exception', eq: 'patent' }, { itemDescription: 'patent text' }).value).toBe(true);
    expect(value({ fact: 'item.exception', eq: 'patent' }, cf).value).toBe(false);
    expect(value({ fact: 'item.outsideCatchAll', eq: 'yes' }, { itemDescription: 'book' }).value).toBe(true);
    // One item inside the catch-all chapters keeps the whole description inside.
    expect(value({ fact: 'item.outsideCatchAll', eq: 'yes' }, { itemDescription: 'book and beaker' }).value).toBe(
      false,
    );
    // A hint alone is not goods: nothing says it is outside.
    expect(value({ fact: 'item.outsideCatchAll', eq: 'yes' }, { itemDescription: 'patent' }).value).toBe(false);
    expect(value({ fact: 'item.strength', eq: 'none' }, { itemDescription: 'patent' }).value).toBe(true);
    expect(value({ fact: 'item.strength', eq: 'none' }, { itemDescription: 'widget' }).value).toBe(true);
  });

  test('when the lab reported controlled technology in the survey, then survey.labControlled is yes, and no otherwise', () => {
    const rs = compiled([]);
    const survey = { controlledTechnology: true, answeredAt: '2026-06-01', lab: 'L', campaign: 'c' };
    expect(derive(rs, {}, [], { survey }).lookup('survey.labControlled')).toEqual({ present: true, value: 'yes' });
    expect(
      derive(rs, {}, [], { survey: { ...survey, controlledTechnology: false } }).lookup('survey.labControlled'),
    ).toEqual({
      present: true,
      value: 'no',
    });
    expect(derive(rs, {}, []).lookup('survey.labControlled')).toEqual({ present: true, value: 'no' });
  });
});

describe('evaluate: outcome, reasons, flags', () => {
  const rs = compiled(
    [
      rule({
        id: 'T-LOW',
        when: { fact: 'destinationCountry', eq: 'DE' },
        outcome: 'no_license_required',
        flags: ['cites'],
      }),
      rule({
        id: 'T-HIGH',
        when: { fact: 'destinationCountry', eq: 'DE' },
        outcome: 'license_required',
        citation: 'goods {country}',
        citationFor: { technology: 'technology {country}' },
        text: { ja: '{country}へ', en: 'to {country}' },
      }),
      rule({ id: 'T-MID', when: { fact: 'destinationCountry', eq: 'DE' }, outcome: 'officer_review' }),
      rule({
        id: 'T-ESC',
        when: {
          all: [
            { fact: 'destinationCountry', eq: 'CN' },
            { fact: 'endUseConcern', eq: 'yes' },
          ],
        },
        outcome: 'prohibited',
      }),
      rule({ id: 'T-CLR', when: { all: [{ fact: 'destinationCountry', eq: 'CN' }] }, outcome: 'no_license_required' }),
      rule({
        id: 'T-EX',
        when: {
          all: [
            { fact: 'destinationCountry', eq: 'CN' },
            { fact: 'patentFiling', eq: 'yes' },
          ],
        },
        outcome: 'exempt',
      }),
    ],
    {
      items: [
        item({
          id: 'ITEM-CORAL',
          strength: 'not_controlled',
          terms: { en: ['coral'], ja: [], zh: [] },
          flags: ['cites', 'plant_animal_quarantine'],
        }),
      ],
    },
  );

  test('when several rules apply, then the most severe answers and reasons go from most to least severe', () => {
    const d = evaluate(rs, { caseType: 'shipment', destinationCountry: 'DE', itemDescription: 'coral' }, []);
    expect(d.outcome).toBe('license_required');
    expect(d.reasons.map((r) => r.id)).toEqual(['T-HIGH', 'T-MID', 'T-LOW']);
    expect(d.reasons[0]).toEqual({ id: 'T-HIGH', citation: 'goods DE', ja: 'DEへ', en: 'to DE' });
    expect(d.flags).toEqual(['cites', 'plant_animal_quarantine']);
    expect(d.screening).toEqual([]);
    expect(d.rulesVersion).toBe('rules-test');
  });

  test('when the case type has its own citation, then that one is used', () => {
    const d = evaluate(rs, { caseType: 'technology', destinationCountry: 'DE' }, []);
    expect(d.reasons[0]!.citation).toBe('technology DE');
  });

  test('when a clearance applies, then only a fact that could escalate is asked, never one between clearances', () => {
    const d = evaluate(rs, { caseType: 'shipment', destinationCountry: 'CN' }, []);
    expect(d.outcome).toBe('needs_facts');
    expect(d.missing).toEqual(['endUseConcern']);
    expect(d.reasons.map((r) => r.id)).toEqual(['T-CLR']);
    const answered = evaluate(rs, { caseType: 'shipment', destinationCountry: 'CN', endUseConcern: 'no' }, []);
    expect(answered).toMatchObject({ outcome: 'no_license_required', missing: [] });
  });

  test('when nothing applies and nothing is missing, then the fallback answers', () => {
    const d = evaluate(rs, { caseType: 'shipment', destinationCountry: 'US' }, []);
    expect(d).toMatchObject({ outcome: 'officer_review', missing: [], open: [] });
    expect(d.reasons.map((r) => r.id)).toEqual(['CORE-FALLBACK']);
  });

  test('when nothing is known, then the case type and what the rules need are missing in fact order', () => {
    const d = evaluate(rs, {}, []);
    expect(d.outcome).toBe('needs_facts');
    expect(d.missing).toEqual(['caseType', 'destinationCountry', 'endUseConcern', 'patentFiling']);
    expect(d.reasons).toEqual([]);
  });

  test('when a rule is only for other case types, then it neither applies nor asks', () => {
    const only = compiled([
      rule({ id: 'T-V', caseTypes: ['visitor'], when: { fact: 'endUseConcern', eq: 'yes' }, outcome: 'prohibited' }),
    ]);
    expect(evaluate(only, { caseType: 'shipment' }, [])).toMatchObject({ outcome: 'officer_review', missing: [] });
    const inner = compiled([
      rule({ id: 'T-F', when: { fact: 'destinationCountry', eq: 'DE' }, outcome: 'prohibited' }),
    ]);
    expect(evaluate(inner, { destinationCountry: 'CN' }, [])).toMatchObject({ outcome: 'officer_review', missing: [] });
  });
});

describe('templates: screening hits', () => {
  test('when hits are described, then list, entry, concerns, match and edition appear in each language', () => {
    const rs = compiled([]);
    const hits = [
      hit({ concerns: ['M', 'N'], listDate: '2025-09-29', matchType: 'strong', matchedOn: 'HIT' }),
      hit({ entry: 2, name: 'B' }),
    ];
    const r = (text: string, lang: 'ja' | 'en') => renderText(text, lang, rs, {}, derive(rs, {}, hits), hits);
    expect(r('{eulHits}', 'ja')).toBe(
      'jp-eul No.1 Listed Univ [M/N]（strong、照合: HIT、2025-09-29版）、jp-eul No.2 B（exact、照合: Listed Univ）',
    );
    expect(r('{eulHits}', 'en')).toBe(
      'jp-eul No.1 Listed Univ [M/N] (strong, matched on "HIT", edition 2025-09-29); jp-eul No.2 B (exact, matched on "Listed Univ")',
    );
    expect(r('{cslHits} {specifiedHits}', 'en')).toBe('(none) (none)');
  });

  test('when the survey context is given, then its lab and date fill the sentence', () => {
    const rs = compiled([]);
    const survey = { controlledTechnology: true, answeredAt: '2026-06-01', lab: '材料研', campaign: 'c' };
    expect(renderText('{surveyLab} {surveyDate}', 'ja', rs, {}, derive(rs, {}, []), [], { survey })).toBe(
      '材料研 2026-06-01',
    );
  });
});
