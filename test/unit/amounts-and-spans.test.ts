/**
 * What the extractor reads (issue 15, items 4, 5, 7): yen amounts in every common form with the total taken,
 * refusals with a reason, spans without date words or greetings, and bounded reading of long messages.
 */
import { describe, expect, test } from 'vitest';
import { parseAmount } from '../../src/conversation/amounts.ts';
import { extract, MAX_READ } from '../../src/conversation/extract.ts';
import { cjkOrganisations, itemSpan, withoutGreetings } from '../../src/conversation/spans.ts';
import { engineDeps } from '../support/conversation.ts';

describe('amounts', () => {
  test.each([
    ['250万円', 2_500_000],
    ['2.5百万円', 2_500_000],
    ['¥2.5 million', 2_500_000],
    ['¥2.5M', 2_500_000],
    ['2,500,000 yen', 2_500_000],
    ['2500000 JPY', 2_500_000],
    ['￥３０，０００', 30_000],
    ['単価3万円、合計300万円', 3_000_000],
    ['unit price 30,000 yen, total 3,000,000 yen', 3_000_000],
    ['予算は500万円、合計で120万円です', 1_200_000],
  ])('%s → %d', (text, value) => {
    expect(parseAmount(text)).toMatchObject({ ok: true, value });
  });

  test('a bare number answers the amount question (250万, 30000)', () => {
    expect(parseAmount('250万', { bare: true })).toMatchObject({ ok: true, value: 2_500_000 });
    expect(parseAmount('30000', { bare: true })).toMatchObject({ ok: true, value: 30_000 });
  });

  test.each([
    ['-1円', 'negative'],
    ['マイナス5万円', 'negative'],
    ['0.0000001万円', 'zero'],
    ['0円', 'zero'],
    ['単価3万円、数量100個', 'ambiguous'],
    ['3万円と5万円', 'ambiguous'],
    ['たくさん', 'none'],
    ['5万個', 'none'],
  ])('%s is refused (%s)', (text, problem) => {
    expect(parseAmount(text, { bare: true })).toMatchObject({ ok: false, problem });
  });
});

describe('spans', () => {
  test('no date words, particles or greetings', () => {
    expect(cjkOrganisations('来月ハルビン工業大学に送りたい')).toEqual(['ハルビン工業大学']);
    expect(cjkOrganisations('外国の大学に送りたい')).toEqual([]);
    expect(itemSpan('来月、北京理工大学に炭素繊維のサンプルを送りたいのですが')).toBe('炭素繊維のサンプル');
    expect(itemSpan('大腸菌由来のプラスミド（病原体の遺伝子は含まない）をドイツに送りたい')).toBe(
      '大腸菌由来のプラスミド（病原体の遺伝子は含まない）',
    );
    expect(itemSpan('I want to send carbon fibre samples to KAIST')).toBe('carbon fibre samples');
    expect(withoutGreetings('お世話になっております。光ファイバーを送りたいです。')).toBe(
      '光ファイバーを送りたいです。',
    );
    expect(withoutGreetings('HITから留学生を受け入れたい')).toBe('HITから留学生を受け入れたい');
  });

  test('the extractor reads a bounded prefix; a long message is kept whole only as the description', () => {
    const deps = engineDeps();
    const long = `北京理工大学に炭素繊維のサンプルを送りたい。${'詳細。'.repeat(3000)}ロシアにも送るかもしれません`;
    const x = extract(long, deps);
    expect(MAX_READ).toBeLessThanOrEqual(2000);
    expect(x.facts.counterpartyName).toBe('北京理工大学');
    expect(x.facts.destinationCountry).toBe('CN');
  });

  test('adversarial inputs end (patterns are linear; timing is in the bench)', () => {
    const deps = engineDeps();
    for (const t of ['1'.repeat(8000), '北'.repeat(8000), '単価3万円、'.repeat(1300), 'Harbin Institute '.repeat(470)])
      expect(extract(t, deps)).toBeDefined();
  });
});
