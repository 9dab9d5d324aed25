/**
 * @module server/errors
 * The one error shape of every HTTP route: `{"error": {"code": "HTTP.BAD_REQUEST", "message": "…"}}` with a
 * fixed message per code. Nothing from the request, the exception or the file system (stack, path, parser
 * message) reaches a response, whatever NODE_ENV says; the code is logged, never the body.
 */
import type { Application, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../app/ports.ts';

export const HttpError = {
  BadRequest: 'HTTP.BAD_REQUEST',
  Unauthorized: 'HTTP.UNAUTHORIZED',
  Forbidden: 'HTTP.FORBIDDEN',
  NotFound: 'HTTP.NOT_FOUND',
  MethodNotAllowed: 'HTTP.METHOD_NOT_ALLOWED',
  PayloadTooLarge: 'HTTP.PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
  Internal: 'HTTP.INTERNAL',
  /** Teams in local-development mode: the activity names a connector that is not on this machine. */
  ServiceUrlRefused: 'TEAMS.SERVICE_URL_REFUSED',
} as const;
export type HttpErrorCode = (typeof HttpError)[keyof typeof HttpError];

const STATUS: Record<HttpErrorCode, number> = {
  'HTTP.BAD_REQUEST': 400,
  'HTTP.UNAUTHORIZED': 401,
  'HTTP.FORBIDDEN': 403,
  'HTTP.NOT_FOUND': 404,
  'HTTP.METHOD_NOT_ALLOWED': 405,
  'HTTP.PAYLOAD_TOO_LARGE': 413,
  'HTTP.UNSUPPORTED_MEDIA_TYPE': 415,
  'HTTP.INTERNAL': 500,
  'TEAMS.SERVICE_URL_REFUSED': 403,
};

const MESSAGE: Record<HttpErrorCode, string> = {
  'HTTP.BAD_REQUEST': 'the request body could not be read',
  'HTTP.UNAUTHORIZED': 'the request is not authenticated',
  'HTTP.FORBIDDEN': 'not allowed',
  'HTTP.NOT_FOUND': 'no such route',
  'HTTP.METHOD_NOT_ALLOWED': 'method not allowed on this route',
  'HTTP.PAYLOAD_TOO_LARGE': 'the request body is too large',
  'HTTP.UNSUPPORTED_MEDIA_TYPE': 'unsupported content type',
  'HTTP.INTERNAL': 'internal error; nothing was done',
  'TEAMS.SERVICE_URL_REFUSED': 'in local development the serviceUrl must be on this machine',
};

export function sendError(res: Response, code: HttpErrorCode): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res
    .status(STATUS[code])
    .type('application/json')
    .send(JSON.stringify({ error: { code, message: MESSAGE[code] } }));
}

/** The error code for an HTTP status another library chose (Bolt, botbuilder). */
export function codeForStatus(status: number): HttpErrorCode {
  const found = (Object.entries(STATUS) as [HttpErrorCode, number][]).find(
    ([code, s]) => s === status && code.startsWith('HTTP.'),
  );
  return found ? found[0] : status >= 500 ? HttpError.Internal : HttpError.BadRequest;
}

/** body-parser and express errors carry `type` / `status`; anything else is internal. */
function codeOf(err: unknown): HttpErrorCode {
  const e = (err ?? {}) as { type?: unknown; status?: unknown; statusCode?: unknown };
  if (e.type === 'entity.too.large') return HttpError.PayloadTooLarge;
  if (e.type === 'entity.parse.failed' || e.type === 'entity.verify.failed') return HttpError.BadRequest;
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return HttpError.UnsupportedMediaType;
  const status = Number(e.status ?? e.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) return codeForStatus(status);
  return HttpError.Internal;
}

/** Only these content types reach a POST route (the type is checked before any body is read). */
export function requireContentType(...types: string[]): RequestHandler {
  return (req, res, next) => {
    if (!req.is(types)) sendError(res, HttpError.UnsupportedMediaType);
    else next();
  };
}

/**
 * Rewrites the empty-bodied error answers of a library route into the coded shape, so every route answers the
 * same way: Bolt answers 400/401/413 by `res.status(n).send()` and 401/404/500 by `writeHead(n); end()`.
 */
export function codedEmptyErrors(): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = ((body?: unknown) => {
      if (res.statusCode >= 400 && (body === undefined || body === '' || body === null)) {
        res.send = send;
        sendError(res, codeForStatus(res.statusCode));
        return res;
      }
      return send(body as never);
    }) as typeof res.send;
    let pending: HttpErrorCode | undefined;
    const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => Response;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      if (status >= 400 && rest.length === 0 && !res.getHeader('content-type')) {
        pending = codeForStatus(status);
        return writeHead(status, { 'content-type': 'application/json' });
      }
      return writeHead(status, ...rest);
    }) as typeof res.writeHead;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const code = pending;
      pending = undefined;
      if (code && (args[0] === undefined || typeof args[0] === 'function'))
        return end(JSON.stringify({ error: { code, message: MESSAGE[code] } }));
      return end(...args);
    }) as typeof res.end;
    next();
  };
}

/** Registered after every route: unknown routes and every thrown error end here. */
export function installErrorHandlers(app: Application, log: Logger): void {
  app.use((_req: Request, res: Response) => sendError(res, HttpError.NotFound));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const code = codeOf(err);
    if (code === HttpError.Internal)
      log.error({ code, err: err instanceof Error ? err.name : 'unknown' }, 'http request failed');
    sendError(res, code);
  });
}
