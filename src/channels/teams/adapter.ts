/**
 * @module channels/teams/adapter
 * CloudAdapter with Bot Framework authentication at /api/messages on the shared express server. With
 * MicrosoftAppId empty the adapter runs without auth for local development, and says so loudly.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express, { type Application } from 'express';
import type { Logger } from '../../app/ports.ts';
import type { ExportCheckTeamsBot } from './bot.ts';

export interface TeamsConfig {
  appId?: string | undefined;
  appPassword?: string | undefined;
  tenantId?: string | undefined;
  appType?: string | undefined;
}

export function createTeamsAdapter(config: TeamsConfig, log: Logger): { adapter: CloudAdapter; appId: string } {
  const appId = config.appId ?? '';
  if (!appId)
    log.warn(
      { teams: 'no-auth' },
      'TEAMS RUNS WITHOUT AUTHENTICATION: MicrosoftAppId is empty (local development only)',
    );
  const auth = new ConfigurationBotFrameworkAuthentication(
    appId
      ? {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: config.appPassword ?? '',
          MicrosoftAppType: config.appType || 'SingleTenant',
          MicrosoftAppTenantId: config.tenantId ?? '',
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (ctx, err) => {
    log.error({ code: 'APP.INTERNAL', err: err instanceof Error ? err.name : 'unknown' }, 'teams turn failed');
    await ctx
      .sendActivity(
        '処理中にエラーが発生しました（APP.INTERNAL）。判定は出ていません。 / Something went wrong (APP.INTERNAL); no answer was given.',
      )
      .catch(() => undefined);
  };
  return { adapter, appId };
}

/** JSON parsing only on this route: Slack's route must see the raw body. */
export function mountTeams(app: Application, adapter: CloudAdapter, bot: ExportCheckTeamsBot): void {
  app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
}
