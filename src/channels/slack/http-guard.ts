/**
 * @module channels/slack/http-guard
 * In front of Bolt on /slack/events (HTTP mode): only Slack's two content types and a bounded body, a
 * request timestamp at most five minutes ahead (Bolt refuses only stale ones, so a request signed for the
 * future would otherwise be replayable for as long as its timestamp lies ahead), and Bolt's empty-bodied
 * refusals rewritten into the coded JSON shape.
 */
import type { Application, RequestHandler } from 'express';
import { codedEmptyErrors, HttpError, requireContentType, sendError } from '../../server/errors.ts';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Slack's own limit for an event payload is far below this. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_SKEW_SECONDS = 5 * 60;

export function futureTimestampGuard(now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const ts = Number(req.get('x-slack-request-timestamp'));
    if (!Number.isFinite(ts) || ts - Math.floor(now() / 1000) > MAX_SKEW_SECONDS) {
      sendError(res, HttpError.Unauthorized);
      return;
    }
    next();
  };
}

const bodyLimit: RequestHandler = (req, res, next) => {
  if (Number(req.get('content-length') ?? 0) > MAX_BODY_BYTES) sendError(res, HttpError.PayloadTooLarge);
  else next();
};

/** Registered before Bolt's receiver, which adds its route to the same app. */
export function guardSlackEvents(app: Application): void {
  app.use(SLACK_EVENTS_PATH, (req, res, next) => {
    if (req.method !== 'POST') sendError(res, HttpError.MethodNotAllowed);
    else next();
  });
  app.use(
    SLACK_EVENTS_PATH,
    codedEmptyErrors(),
    requireContentType('application/json', 'application/x-www-form-urlencoded'),
    bodyLimit,
    futureTimestampGuard(),
  );
}
