import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout. Authorization headers and token values are redacted here, once,
 * so no call site can leak a bearer token into the logs.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    name: 'claimgraph',
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'token', '*.token'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
