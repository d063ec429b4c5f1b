import pino, { type Logger } from 'pino';

/**
 * JSON logs with the request id (DESIGN §2). SEC rules: no password, token or full ID number ever
 * reaches a log, so credentials are redacted by path and bodies are never logged.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.oldPassword',
        '*.newPassword',
        '*.token',
        '*.idNumber',
      ],
      censor: '[已隐去]',
    },
  });
}
