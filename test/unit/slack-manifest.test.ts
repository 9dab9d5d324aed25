import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { SUGGESTED_PROMPTS } from '../../src/channels/slack/prompts.ts';
import { SLACK_COMMAND, SLACK_EVENTS } from '../../src/channels/slack/requirements.ts';
import { ROOT } from '../support/fixtures.ts';

// The fields Slack requires of an app manifest (api.slack.com/reference/manifests), as far as this app uses them.
const ManifestSchema = z.object({
  _metadata: z.object({ major_version: z.literal(1) }),
  display_information: z.object({
    name: z.string().min(1).max(35),
    description: z.string().max(140),
    long_description: z.string().min(175).max(4000),
  }),
  features: z.object({
    bot_user: z.object({ display_name: z.string().min(1).max(80) }),
    // Slack's current agent messaging experience; the legacy assistant_view must not come back.
    agent_view: z.strictObject({
      agent_description: z.string().min(1).max(300),
      suggested_prompts: z.array(z.strictObject({ title: z.string().min(1), message: z.string().min(1) })).max(4),
    }),
    assistant_view: z.never().optional(),
    slash_commands: z.array(
      z.object({
        command: z.string().startsWith('/'),
        description: z.string().min(1),
        url: z.string().url().optional(),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string().url(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.string().url() }),
    socket_mode_enabled: z.boolean(),
  }),
});

const manifest = ManifestSchema.parse(parse(readFileSync(`${ROOT}manifest/slack/manifest.yaml`, 'utf8')));

describe('manifest/slack/manifest.yaml', () => {
  test('every event the code listens to is subscribed', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining([...SLACK_EVENTS]));
  });
  test('each message event comes with the history scope Slack requires for it', () => {
    const messageEvents = manifest.settings.event_subscriptions.bot_events.filter((e) => e.startsWith('message.'));
    expect(messageEvents).toEqual(expect.arrayContaining(['message.im', 'message.channels', 'message.groups']));
    for (const e of messageEvents) expect(manifest.oauth_config.scopes.bot).toContain(`${e.slice(8)}:history`);
  });
  test('the slash command the code registers is declared', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toContain(SLACK_COMMAND);
  });
  // Which scopes: test/integration/slack-scopes.test.ts derives them from the calls the bot makes.
  test('the agent view suggests the same prompts the bot sets on the Messages tab', () => {
    expect(manifest.features.agent_view.suggested_prompts).toEqual(SUGGESTED_PROMPTS.map((p) => ({ ...p })));
  });
  test('display information is in Japanese and English', () => {
    expect(manifest.display_information.description).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(manifest.display_information.description).toMatch(/[A-Za-z]{4,}/);
  });
});
