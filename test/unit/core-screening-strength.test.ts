/**
 * Cases decided on the strength of a screening hit alone. The screening rules treat a strong hit as a hit
 * (`in: [exact, strong]`), so a strong-only match read as no match, or as possible, would clear or soften a
 * case against a listed entity: these tests decide whole cases on a strong hit and nothing else.
 */
import { describe, expect, test } from 'vitest';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { compiled, item, rule } from '../support/core-parts.ts';

const hit = (partial: Partial<ScreeningHit>): ScreeningHit => ({
  list: 'jp-ru-specified',
  entry: 7,
  name: 'Listed Entity',
  matchedOn: 'Listed Entity',
  score: 0.93,
  matchType: 'strong',
  kind: 'specified_entity',
  ...partial,
});

// The shape of rules/decision/20-screening.yaml, cut down: a hard hit prohibits (specified) or needs a
// licence (EUL with a shared concern), a possible hit goes to the office, no hit clears.
const rs = compiled(
  [
    rule({
      id: 'T-SPECIFIED',
      when: { fact: 'screen.specifiedEntity', in: ['exact', 'strong'] },
      outcome: 'prohibited',
    }),
    rule({
      id: 'T-SPECIFIED-POSSIBLE',
      when: { fact: 'screen.specifiedEntity', eq: 'possible' },
      outcome: 'officer_review',
    }),
    rule({
      id: 'T-EUL-CONCERN',
      when: {
        all: [
          { fact: 'screen.eul', in: ['exact', 'strong'] },
          { fact: 'screen.eulConcernMatch', eq: 'yes' },
        ],
      },
      outcome: 'license_required',
    }),
    rule({
      id: 'T-CLEAR',
      when: {
        all: [
          { fact: 'screen.specifiedEntity', eq: 'none' },
          { fact: 'screen.eul', in: ['none', 'possible'] },
        ],
      },
      outcome: 'no_license_required',
    }),
  ],
  {
    items: [
      item({ id: 'ITEM-CF', terms: { en: ['carbon fibre'], ja: [], zh: [] }, categories: ['5'], concerns: ['M'] }),
    ],
  },
);
const facts = { caseType: 'shipment', counterpartyName: 'Listed Entity Ltd', itemDescription: 'carbon fibre' } as const;
const decide = (hits: ScreeningHit[]) => {
  const d = evaluate(rs, facts, hits);
  return [d.outcome, d.reasons.map((r) => r.id)];
};

describe('a case decided on a strong screening hit', () => {
  test('when the only hit on a specified entity is strong, then the case is prohibited, as with an exact hit', () => {
    expect(decide([hit({})])).toEqual(['prohibited', ['T-SPECIFIED']]);
    expect(decide([hit({ matchType: 'exact', score: 1 })])).toEqual(['prohibited', ['T-SPECIFIED']]);
  });

  test('when the same entity is only a possible match, then the office reviews it; with no hit, it clears', () => {
    expect(decide([hit({ matchType: 'possible', score: 0.85 })])).toEqual(['officer_review', ['T-SPECIFIED-POSSIBLE']]);
    expect(decide([])).toEqual(['no_license_required', ['T-CLEAR']]);
  });

  test('when a strong and a possible hit are both found, then the strong one decides', () => {
    const possible = hit({ entry: 8, matchType: 'possible', score: 0.82 });
    expect(decide([possible, hit({})])).toEqual(['prohibited', ['T-SPECIFIED']]);
    expect(decide([hit({}), possible])).toEqual(['prohibited', ['T-SPECIFIED']]);
  });

  test('when a strong EUL hit shares the item concern, then a licence is required; a possible one does not count', () => {
    const eul = (matchType: ScreeningHit['matchType']) =>
      hit({ list: 'jp-eul', kind: 'eul', matchType, concerns: ['M'] });
    expect(decide([eul('strong')])).toEqual(['license_required', ['T-EUL-CONCERN']]);
    expect(decide([eul('possible')])).toEqual(['no_license_required', ['T-CLEAR']]);
  });
});
