import { describe, expect, test } from 'vitest';
import { compileRuleSet } from '../../src/core/compile.ts';
import { FALLBACK, item, parts, rule } from '../support/core-parts.ts';

function problems(p: ReturnType<typeof parts>): string[] {
  const r = compileRuleSet(p);
  return r.ok ? [] : r.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
}

const ok = rule({ id: 'T-OK', when: { fact: 'destinationCountry', inSet: 'total_ban' }, outcome: 'prohibited' });

describe('compile (the loading checks zod cannot see)', () => {
  test('when everything is consistent, then the rule set compiles with the fallback apart', () => {
    const r = compileRuleSet(parts([ok, FALLBACK]));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.ruleSet.rules.map((x) => x.id)).toEqual(['T-OK']);
      expect(r.ruleSet.fallback.id).toBe('CORE-FALLBACK');
      expect(r.ruleSet.factOrder[0]).toBe('caseType');
      expect(r.ruleSet.countrySets.get('group_a')?.has('DE')).toBe(true);
    }
  });

  test('when a condition compares an enum fact with an illegal value, then the value and fact are named', () => {
    const bad = rule({ id: 'T-BAD', when: { fact: 'endUseConcern', eq: 'maybe' }, outcome: 'officer_review' });
    expect(problems(parts([bad, FALLBACK]))).toEqual([
      'rules.yaml: rules[0].when: "maybe" is not a value of endUseConcern',
    ]);
    const inList = rule({ id: 'T-IN', when: { fact: 'caseType', in: ['shipment', 'parcel'] }, outcome: 'exempt' });
    expect(problems(parts([inList, FALLBACK]))).toEqual([
      'rules.yaml: rules[0].when: "parcel" is not a value of caseType',
    ]);
    const country = rule({ id: 'T-CC', when: { fact: 'destinationCountry', ne: 'XX' }, outcome: 'exempt' });
    expect(problems(parts([country, FALLBACK]))).toEqual([
      'rules.yaml: rules[0].when: "XX" is not a value of destinationCountry',
    ]);
  });

  test('when conditions refer to each other in a cycle, then the cycle is reported, not followed forever', () => {
    const p = parts([rule({ id: 'T-CYCLE', when: { ref: 'a' }, outcome: 'exempt' }), FALLBACK], {
      conditions: { a: { all: [{ ref: 'b' }] }, b: { not: { ref: 'a' } } },
    });
    const found = problems(p);
    expect(found.some((m) => /condition cycle: a → b → a/.test(m))).toBe(true);
    expect(found.some((m) => /condition cycle: b → a → b/.test(m))).toBe(true);
  });

  test('when a condition or set is unknown, then it is named', () => {
    const p = parts(
      [
        rule({
          id: 'T-REF',
          when: {
            any: [{ ref: 'nowhere' }, { fact: 'destinationCountry', inSet: 'no_set' }, { fact: 'colour', eq: 1 }],
          },
          outcome: 'exempt',
        }),
        FALLBACK,
      ],
      { sets: { group_a: ['DE', 'ZZ'] } },
    );
    expect(problems(p)).toEqual([
      'sets.yaml: sets.group_a.members[1]: unknown country code "ZZ"',
      'rules.yaml: rules[0].when.any[0].ref: unknown condition "nowhere"',
      'rules.yaml: rules[0].when.any[1]: unknown country set "no_set"',
      'rules.yaml: rules[0].when.any[2].fact: unknown fact "colour"',
    ]);
  });

  test('when there is no fallback rule or there are two, then the count is reported', () => {
    expect(problems(parts([ok]))).toEqual(['rules.yaml: rules: exactly one fallback rule is needed, found 0']);
    expect(problems(parts([ok, FALLBACK, { ...FALLBACK, id: 'CORE-FALLBACK-2' }]))).toEqual([
      'rules.yaml: rules: exactly one fallback rule is needed, found 2',
    ]);
    expect(problems(parts([]))).toEqual(['rules: rules: exactly one fallback rule is needed, found 0']);
  });

  test('when ids repeat, then each duplicate names the other file', () => {
    const p = parts([ok, ok, FALLBACK], { items: [item({ id: 'ITEM-A' }), item({ id: 'ITEM-A' })] });
    expect(problems(p)).toEqual([
      'rules.yaml: rules[1].id: duplicate rule id "T-OK" (also in rules.yaml)',
      'items.yaml: items[1].id: duplicate item id "ITEM-A" (also in items.yaml)',
    ]);
  });

  test('when a sentence or citation uses a placeholder the core cannot fill, then rules check refuses it', () => {
    const bad = rule({
      id: 'T-PH',
      when: { fact: 'destinationCountry', inSet: 'total_ban' },
      outcome: 'prohibited',
      text: { ja: '{country}へ {colour}', en: '{country}' },
      citation: '別表（{itemz}）',
      citationFor: { technology: '{items} {matchedItems}', visitor: '{x}' },
    });
    expect(problems(parts([bad, FALLBACK]))).toEqual([
      'rules.yaml: rules[0].text.ja: unknown placeholder "{colour}" would reach the user unfilled',
      'rules.yaml: rules[0].citation: unknown placeholder "{itemz}" would reach the user unfilled',
      'rules.yaml: rules[0].citationFor.visitor: unknown placeholder "{x}" would reach the user unfilled',
    ]);
  });

  test('when an unconfirmed rule does not say why, then its note is refused', () => {
    const r = { ...ok, unconfirmed: true, note: 'no reason given' };
    expect(problems(parts([r, FALLBACK]))).toEqual([
      'rules.yaml: rules[0].note: an unconfirmed rule must say UNCONFIRMED and why in its note',
    ]);
    expect(problems(parts([{ ...r, note: 'UNCONFIRMED: the 号 is not known' }, FALLBACK]))).toEqual([]);
  });

  test('when an item implies a fact that is not enumerated or a value it cannot take, then both are named', () => {
    const p = parts([ok, FALLBACK], {
      items: [
        item({ id: 'ITEM-IMPLY', implies: { publiclyAvailable: 'perhaps', counterpartyName: 'x', colour: 'y' } }),
      ],
    });
    expect(problems(p)).toEqual([
      'items.yaml: items[0].implies.publiclyAvailable: "perhaps" is not a value of publiclyAvailable',
      'items.yaml: items[0].implies.counterpartyName: "counterpartyName" is not an enumerated fact',
      'items.yaml: items[0].implies.colour: "colour" is not an enumerated fact',
    ]);
  });

  test('when the fact questions are wrong, then unknown, duplicate, unlabelled and missing facts are all listed', () => {
    const p = parts([ok, FALLBACK]);
    const facts = p.facts.value;
    const hand = facts.find((f) => f.key === 'handCarry')!;
    p.facts.value = [
      ...facts.filter((f) => f.key !== 'basicResearch' && f.key !== 'handCarry'),
      { ...hand, options: { yes: { ja: 'はい', en: 'Yes' }, maybe: { ja: '?', en: '?' } } },
      { ...hand },
      { key: 'colour', question: { ja: 'q', en: 'q' }, hint: { ja: 'h', en: 'h' } },
    ];
    const n = p.facts.value.length;
    expect(problems(p)).toEqual([
      `facts.yaml: facts[${n - 3}].options.maybe: "maybe" is not a value of handCarry`,
      `facts.yaml: facts[${n - 3}].options: missing a label for handCarry="no"`,
      `facts.yaml: facts[${n - 2}].key: duplicate fact "handCarry"`,
      `facts.yaml: facts[${n - 1}].key: unknown fact "colour"`,
      'facts.yaml: facts: fact "basicResearch" has no question',
    ]);
  });

  test('when a country, a set or a condition is defined twice, then each is reported', () => {
    const p = parts([ok, FALLBACK], { conditions: { a: { fact: 'caseType', eq: 'shipment' } } });
    p.countries.value.push({ code: 'DE', en: 'Germany', ja: 'ドイツ', aliases: [] });
    p.countrySets.push({ ...p.countrySets[0]!, path: 'sets.again' });
    p.conditions.push({ file: 'more.yaml', path: 'conditions', value: { a: { fact: 'caseType', eq: 'visitor' } } });
    expect(problems(p)).toEqual([
      'countries.yaml: countries[6].code: duplicate country DE',
      'sets.yaml: sets.again.id: duplicate country set "group_a"',
      'more.yaml: conditions.a: duplicate condition "a"',
    ]);
  });
});
