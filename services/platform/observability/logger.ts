/**
 * Structured logs (pino). docs/HTTP-CONTRACT.md "Personal data": no personal data in logs — so bodies are never logged,
 * the Authorization header is redacted, and anything that looks like an IIN (12 digits) in a URL or message is masked.
 * Names only ever appear in bodies, which are not logged. test/e2e/logs.test.ts scans the e2e log output.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

import { maskIin } from '../../../domain/shared/iin';

const IIN_LIKE = /(?<!\d)\d{12}(?!\d)/g;

/** Masks every 12-digit run (IIN / BIN): `900101300018` → `90********18`. */
export function maskIinsIn(text: string): string {
  return text.replace(IIN_LIKE, maskIin);
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'kezen' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["idempotency-key"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        // Messages may carry user input (e.g. a rejected value); mask IIN-like digits before they are written.
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskIinsIn(a) : a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    options.destination,
  );
}
