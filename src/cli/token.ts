import net from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createToken, isRole, listTokens, revokeToken, ROLES, type TokenInfo } from '../auth';
import { loadConfig, type Config } from '../config';
import type { Writer } from '../db/audit';
import { Executor } from '../db/executor';
import { migrate } from '../db/migrate';
import { ClaimgraphError, StartupError } from '../errors';
import type { Logger } from '../logger';
import { provideNeo4j, type Neo4jTarget } from '../neo4j/provide';

/**
 * `npm run token -- --role editor [--name "alice"]`: creates a token and prints it, alone, as the
 * last line of stdout (so `npm run token --silent -- --role editor | tail -n1` captures it).
 * `npm run token -- --revoke <id>` revokes one; `npm run token -- --list` lists them.
 *
 * It uses the same Neo4j as the server (NEO4J_URI, or the embedded default on NEO4J_DATA_DIR).
 * The token is written to stdout once and passed to nothing else: logs go to stderr and never
 * receive it.
 */

const USAGE = `usage: npm run token -- --role ${ROLES.join('|')} [--name <name>] | --revoke <id> | --list`;

type Command =
  | { kind: 'create'; role: string; name: string | undefined }
  | { kind: 'revoke'; id: string }
  | { kind: 'list' }
  | { kind: 'help' };

class UsageError extends Error {}

function parse(argv: string[]): Command {
  let values: { role?: string; name?: string; revoke?: string; list?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        revoke: { type: 'string' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    // parseArgs explains the problem in its first sentence (unknown option, missing value, ...).
    throw new UsageError((err as Error).message.split('\n')[0]!.replace(/\.$/, ''));
  }
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

function fail(message: string, code: number): void {
  process.stderr.write(`claimgraph token: ${message}\n`);
  process.exitCode = code;
}

/** The command line the user ran, for a hint that repeats it with NEO4J_URI set. */
function rerunHint(boltPort: number | string): string {
  const args = process.argv
    .slice(2)
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
  return `NEO4J_URI=bolt://127.0.0.1:${boltPort} npm run token -- ${args}`;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(true));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(false)));
  });
}

/**
 * The embedded default can have only one owner: a running `npm start` holds both its Bolt port and
 * the store lock on its data folder. Say so in one line, and how to reach that server instead.
 */
function embeddedBusy(what: string, boltPort: number | string): StartupError {
  return new StartupError(
    'EMBEDDED_NEO4J_FAILED',
    `${what}, probably by a running claimgraph server; stop the server, or point this command at it: ${rerunHint(boltPort)}`,
  );
}

async function connect(config: Config, logger: Logger): Promise<{ target: Neo4jTarget; executor: Executor }> {
  const port = config.embedded.boltPort;
  if (!config.neo4j.uri && (await portInUse(port))) {
    throw embeddedBusy(`the embedded Neo4j's port 127.0.0.1:${port} is in use`, port);
  }
  let target: Neo4jTarget;
  try {
    target = await provideNeo4j(config, logger);
  } catch (err) {
    if (err instanceof StartupError && err.code === 'PORT_IN_USE') {
      throw embeddedBusy(`the embedded Neo4j's port 127.0.0.1:${port} is in use`, port);
    }
    if (err instanceof StartupError && /another claimgraph Neo4j|lock/i.test(err.message)) {
      // The port was free, so the server holding the store listens elsewhere: its NEO4J_BOLT_PORT.
      throw embeddedBusy(
        `the embedded Neo4j's data folder ${config.embedded.dataDir} is in use`,
        '<its NEO4J_BOLT_PORT>',
      );
    }
    throw err;
  }
  try {
    const executor = await Executor.connect({ ...target, txTimeoutMs: config.neo4j.txTimeoutMs, logger });
    try {
      await migrate(executor, logger);
    } catch (err) {
      await executor.close().catch(() => undefined);
      throw err;
    }
    return { target, executor };
  } catch (err) {
    await target.stop().catch(() => undefined);
    throw err;
  }
}

function cliWriter(): Writer {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return { by: `cli:${user}`, role: 'system' };
}

function describe(t: TokenInfo): string {
  const status = t.revokedAt ? `revoked ${t.revokedAt}` : 'active';
  return `${t.id}  ${t.role.padEnd(6)}  ${status.padEnd(7)}  created ${t.createdAt} by ${t.createdBy}  "${t.name}"`;
}

async function run(command: Exclude<Command, { kind: 'help' }>, executor: Executor): Promise<void> {
  if (command.kind === 'create') {
    const created = await createToken(executor, { role: command.role, name: command.name, by: cliWriter() });
    out(
      `Created ${created.role === 'reader' ? 'a' : 'an'} ${created.role} token (id ${created.id}). It is shown only this once: claimgraph`,
    );
    out('keeps only its hash. Send it as "Authorization: Bearer <token>"; revoke it with');
    out(`"npm run token -- --revoke ${created.id}". The token is the last line:`);
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
  let command: Command;
  try {
    command = parse(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) return fail(`${err.message}. ${USAGE}`, 2);
    throw err;
  }
  if (command.kind === 'help') return out(USAGE);

  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    return fail((err as Error).message, 1);
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
    conn = await connect(config, logger);
    await run(command, conn.executor);
  } catch (err) {
    if (err instanceof ClaimgraphError) fail(err.message, 1);
    else {
      logger.error({ err }, 'unexpected failure');
      fail(`unexpected error (${String(err)})`, 1);
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
