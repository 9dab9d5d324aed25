/**
 * @module channels/slack/failures
 * One error sink for every listener: Bolt's extended error handler (`extendedErrorHandler: true`) gets each
 * listener's failure with the request's context, where the listener said beforehand how a failure is told to
 * the user. A researcher's turn gets a safe message in its thread (never a trace); an officer's action gets the
 * refusal (`CASE.FORBIDDEN: …`) or a generic failure privately. Anything else is only logged.
 */
import type { App, CodedError, Context } from '@slack/bolt';
import { UnknownError } from '@slack/bolt';
import type { Logger } from '../../app/ports.ts';
import type { Runtime } from '../../app/runtime.ts';
import type { Lang } from '../../conversation/types.ts';
import { isCodedError } from '../../core/errors.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

export type FailureReport =
  | { kind: 'turn'; conversationId: string; channel: string; threadTs: string; lang: Lang }
  | { kind: 'officer'; user: string; channel?: string | undefined };

// Keyed by the request's context object, which Bolt hands to the listeners and then to the error handler.
const reports = new WeakMap<Context, FailureReport>();

/** Says how a failure of the work that follows is told to the user of this request. */
export function reportFailures(context: Context, report: FailureReport): void {
  reports.set(context, report);
}

export function registerErrorHandler(app: App, { runtime, log }: { runtime: Runtime; log: Logger }): void {
  // The extended handler's arguments (Bolt does not export their type): the error and the request's context.
  app.error(async ({ error, context }: { error: CodedError; context: Context }) => {
    // Bolt wraps what has no `code` of its own in an UnknownError; ours (CodedError) arrive as thrown.
    const err: unknown = error instanceof UnknownError ? error.original : error;
    const name = err instanceof Error ? err.name : 'unknown';
    const report = reports.get(context);
    // The app's own client carries no token (every request is authorised); the request's bot token is used.
    const chat = app.client.chat;
    const token = context.botToken;
    const safeError = (lang: Lang) =>
      runtime.engine().content.messages.t('reply.safe_error', lang, { code: 'APP.INTERNAL' });
    if (report?.kind === 'turn') {
      log.error({ code: 'APP.INTERNAL', conversationId: report.conversationId, err: name }, 'slack turn failed');
      await chat
        .postMessage({ token, channel: report.channel, thread_ts: report.threadTs, text: safeError(report.lang) })
        .catch(() => undefined);
      return;
    }
    if (report?.kind === 'officer') {
      const text = isCodedError(err)
        ? escapeMrkdwn(`${err.code}: ${err.message}`)
        : 'APP.INTERNAL: the action failed; nothing changed.';
      if (!isCodedError(err)) log.error({ err: name }, 'slack officer action failed');
      const told = report.channel
        ? chat.postEphemeral({ token, channel: report.channel, user: report.user, text })
        : chat.postMessage({ token, channel: report.user, text });
      await told.catch(() => undefined);
      return;
    }
    log.error({ code: 'APP.INTERNAL', err: error.name }, 'slack listener error');
  });
}
