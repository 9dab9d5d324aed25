/**
 * A country of several words beside a listed name ("North Korea …", "Russian Federation …", "United Arab Emirates
 * …") is the entity's country, as "DPRK …" or "Russia …" is; and a name's possessive, with or without its apostrophe
 * ("North Korea's …", "ALEXEEV S HYDROFOIL"), is the name.
 */
import { describe, expect, test } from 'vitest';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Zorvexian Economic Committee', country: 'KP' },
      { name: 'Kelvorian Concern', country: 'RU' },
      { name: "JSC Quorvex's Hydrofoil Bureau", country: 'RU' },
    ],
    'test-list',
  ),
]);
const kinds = (q: string, c?: string) => brief(screen(q, c)).map(([entry, kind]) => [entry, kind]);

describe('a country of several words in front of the name', () => {
  test.each([
    ['North Korea Zorvexian Economic Committee', 1],
    ['Zorvexian Economic Committee of North Korea', 1],
    ['North Korean Zorvexian Economic Committee', 1],
    ['Russian Federation Kelvorian Concern', 2],
  ])('when %s is screened, then the entry is found strong', (q, entry) => {
    expect(kinds(q)).toEqual([[entry, 'strong']]);
  });

  test('when the country of several words is another one, then the entry is not found hard', () => {
    expect(kinds('South Korea Zorvexian Economic Committee').filter(([, k]) => k !== 'possible')).toEqual([]);
  });
});

describe('a possessive', () => {
  test("when the country or the name is written with 's, then it is the word itself", () => {
    expect(kinds("North Korea's Zorvexian Economic Committee")).toEqual([[1, 'strong']]);
    expect(kinds("Zorvexian's Economic Committee")).toEqual(kinds('Zorvexian Economic Committee'));
  });

  test('when the apostrophe is lost, then the lone s is still the possessive; a legal form of initials stays one', () => {
    expect(kinds('JSC QUORVEX S HYDROFOIL BUREAU')).toEqual([[3, 'exact']]);
    expect(kinds("JSC Quorvex's Hydrofoil Bureau")).toEqual([[3, 'exact']]);
  });
});
