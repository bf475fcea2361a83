import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The command line of `npm run token | export | anchor`: parsed strictly with node:util's
 * parseArgs, and a mistake answered with one line (the problem, then the usage) and exit code 2.
 */

/** A command line that can never work as typed: shown with the usage line, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs, strict; its complaint (unknown option, missing value, ...) becomes a UsageError. */
export function parseCommandLine<O extends Options, P extends boolean = false>(
  argv: string[],
  options: O,
  allowPositionals?: P,
) {
  try {
    return parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals: (allowPositionals ?? false) as P,
    });
  } catch (err) {
    // parseArgs explains the problem in its first sentence.
    throw new UsageError((err as Error).message.split('\n')[0]!.replace(/\.$/, ''));
  }
}

/** Prints `claimgraph <command>: <message>` to stderr and sets the exit code. */
export function fail(command: string, message: string, code: number): void {
  process.stderr.write(`claimgraph ${command}: ${message}\n`);
  process.exitCode = code;
}

/**
 * Runs `run`; a UsageError it throws is printed with the usage line (exit code 2) and gives
 * undefined. Anything else thrown is a bug and propagates.
 */
export function orUsage<T>(command: string, usage: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (err) {
    if (err instanceof UsageError) {
      fail(command, `${err.message}. ${usage}`, 2);
      return undefined;
    }
    throw err;
  }
}

/** `parse` on the process's arguments; undefined (the usage shown, exit code 2) on a UsageError. */
export function parseOrExplain<T>(
  command: string,
  usage: string,
  parse: (argv: string[]) => T,
): T | undefined {
  return orUsage(command, usage, () => parse(process.argv.slice(2)));
}
