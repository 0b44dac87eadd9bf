import pino from 'pino';
import { env } from './env';

/**
 * One structured JSON logger. Secrets and personal data are redacted by path so a careless
 * `log.info({ user })` cannot leak a password hash or an email into the logs.
 */
const g = globalThis as unknown as { __fixnadoLogger?: pino.Logger };

export const logger: pino.Logger =
  g.__fixnadoLogger ??
  (g.__fixnadoLogger = pino({
    level: env().LOG_LEVEL,
    base: { service: 'fixnado' },
    redact: {
      paths: [
        'password',
        '*.password',
        'passwordHash',
        '*.passwordHash',
        'token',
        '*.token',
        'email',
        '*.email',
        'headers.cookie',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  }));

export function childLogger(bindings: Record<string, unknown>): pino.Logger {
  return logger.child(bindings);
}
