import { describe, expect, test } from 'vitest';
import { adaptiveCardIssues } from '../support/adaptive-cards.ts';

// The conformance check must itself be able to fail: these cards break Microsoft's parser in known ways.
describe('Adaptive Card conformance check (Microsoft adaptivecards parser, version 1.5)', () => {
  const ok = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'hello', wrap: true }],
    actions: [{ type: 'Action.Execute', verb: 'claim', title: 'Claim', data: { caseId: 'EC-1' } }],
  };

  test('a well-formed 1.5 card has no issues', () => {
    expect(adaptiveCardIssues(ok)).toEqual([]);
  });

  test('an unknown element type, an unknown action type and duplicate input ids are reported', () => {
    const bad = {
      ...ok,
      body: [{ type: 'Bogus' }, { type: 'Input.Text', id: 'x' }, { type: 'Input.Text', id: 'x' }],
      actions: [{ type: 'Action.Teleport', title: 't' }],
    };
    const issues = adaptiveCardIssues(bad).join('\n');
    expect(issues).toMatch(/UnknownElementType/);
    expect(issues).toMatch(/UnknownActionType/);
    expect(issues).toMatch(/DuplicateId/);
  });

  test('a required input without a label and an error message is reported', () => {
    const bad = { ...ok, body: [{ type: 'Input.Text', id: 'q', isRequired: true }] };
    expect(adaptiveCardIssues(bad).join('\n')).toMatch(/RequiredInputsShouldHave/);
  });
});
