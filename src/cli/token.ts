import pino from 'pino';
import { createToken, isRole, listTokens, revokeToken, ROLES, type TokenInfo } from '../auth';
import { loadConfig, type Config } from '../config';
import { Executor } from '../db/executor';
import { ClaimgraphError } from '../errors';
import { fail, parseCommandLine, parseOrExplain, UsageError } from './args';
import { cliWriter, connect } from './connect';
import type { Logger } from '../logger';
import type { Neo4jTarget } from '../neo4j/provide';

/**
 * `npm run token -- --role editor [--name "alice"]`: creates a token and prints it as the last line
 * of stdout; when stdout is not a terminal it is the only line there (the explanation goes to
 * stderr), so `TOKEN=$(npm run --silent token -- --role editor)` captures exactly the token.
 * `npm run token -- --revoke <id>` revokes one; `npm run token -- --list` lists them.
 *
 * It uses the same Neo4j as the server (NEO4J_URI, the running server's embedded Neo4j, or the
 * embedded default on NEO4J_DATA_DIR: see ./connect.ts) and names it on stderr.
 * The token is written to stdout once and passed to nothing else: logs go to stderr and never
 * receive it.
 */

const USAGE = `usage: npm run token -- --role ${ROLES.join('|')} [--name <name>] | --revoke <id> | --list`;

type Command =
  | { kind: 'create'; role: string; name: string | undefined }
  | { kind: 'revoke'; id: string }
  | { kind: 'list' }
  | { kind: 'help' };

function parse(argv: string[]): Command {
  const { values } = parseCommandLine(argv, {
    role: { type: 'string' },
    name: { type: 'string' },
    revoke: { type: 'string' },
    list: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { kind: 'help' };
  const chosen = [values.role !== undefined, values.revoke !== undefined, values.list === true].filter(
    Boolean,
  ).length;
  if (chosen !== 1) throw new UsageError('give exactly one of --role, --revoke and --list');
  if (values.name !== undefined && values.role === undefined) {
    throw new UsageError('--name goes with --role');
  }
  if (values.role !== undefined) {
    if (!isRole(values.role)) throw new UsageError(`unknown role "${values.role}"`);
    if (values.name !== undefined && (values.name.trim() === '' || values.name.length > 100)) {
      throw new UsageError('--name must be 1 to 100 characters');
    }
    return { kind: 'create', role: values.role, name: values.name };
  }
  if (values.revoke !== undefined) {
    if (!/^[A-Za-z0-9]{12}$/.test(values.revoke)) {
      throw new UsageError(`"${values.revoke}" is not a token id (12 letters and digits; see --list)`);
    }
    return { kind: 'revoke', id: values.revoke };
  }
  return { kind: 'list' };
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function describe(t: TokenInfo): string {
  const status = t.revokedAt ? `revoked ${t.revokedAt}` : 'active';
  return `${t.id}  ${t.role.padEnd(6)}  ${status.padEnd(7)}  created ${t.createdAt} by ${t.createdBy}  "${t.name}"`;
}

async function run(command: Exclude<Command, { kind: 'help' }>, executor: Executor): Promise<void> {
  if (command.kind === 'create') {
    const created = await createToken(executor, { role: command.role, name: command.name, by: cliWriter() });
    // At a terminal, the explanation and the token together; captured (`TOKEN=$(npm run --silent
    // token -- ...)`), stdout is the token alone and the explanation still reaches the person.
    const explain = process.stdout.isTTY ? out : (line: string) => void process.stderr.write(`${line}\n`);
    explain(
      `Created ${created.role === 'reader' ? 'a' : 'an'} ${created.role} token (id ${created.id}). It is shown only this once: claimgraph`,
    );
    explain('keeps only its hash. Send it as "Authorization: Bearer <token>"; revoke it with');
    explain(
      `"npm run token -- --revoke ${created.id}". The token is the last line${process.stdout.isTTY ? '' : ' of stdout'}:`,
    );
    out(created.token);
    return;
  }
  if (command.kind === 'revoke') {
    const r = await revokeToken(executor, command.id, cliWriter());
    out(
      r.alreadyRevoked
        ? `Token ${r.id} ("${r.name}", ${r.role}) was already revoked at ${r.revokedAt} by ${r.revokedBy}.`
        : `Revoked token ${r.id} ("${r.name}", ${r.role}); requests that send it are now refused.`,
    );
    return;
  }
  const tokens = await listTokens(executor);
  if (tokens.length === 0) out('No API tokens yet; create one with: npm run token -- --role editor');
  for (const t of tokens) out(describe(t));
}

async function main(): Promise<void> {
  const command = parseOrExplain('token', USAGE, parse);
  if (!command) return;
  if (command.kind === 'help') return out(USAGE);

  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    return fail('token', (err as Error).message, 1);
  }
  // Logs go to stderr (stdout carries the token), and a CLI stays quiet unless LOG_LEVEL asks.
  const logger: Logger = pino(
    {
      name: 'claimgraph-token',
      level: process.env.LOG_LEVEL ? config.logLevel : 'warn',
      redact: { paths: ['token', '*.token'], censor: '[redacted]' },
    },
    pino.destination(2),
  );

  let conn: { target: Neo4jTarget; executor: Executor } | undefined;
  try {
    conn = await connect('token', config, logger);
    await run(command, conn.executor);
  } catch (err) {
    if (err instanceof ClaimgraphError) fail('token', err.message, 1);
    else {
      logger.error({ err }, 'unexpected failure');
      fail('token', `unexpected error (${String(err)})`, 1);
    }
  } finally {
    await conn?.executor.close().catch(() => undefined);
    await conn?.target.stop().catch(() => undefined);
  }
}

void main().finally(() => {
  // Everything is closed; should a stray handle linger, do not hang the terminal.
  setTimeout(() => process.exit(), 5000).unref();
});
