import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { recordAudit, type Writer } from './db/audit';
import type { Executor } from './db/executor';
import { BadUserInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from './errors';

/**
 * API tokens: `cg_<id>_<secret>`, sent as `Authorization: Bearer <token>`.
 *
 * The id (12 letters and digits) is public: it names the token in listings, audit events and
 * `npm run token -- --revoke <id>`. The secret (32 random bytes, base64url) is shown once, when the
 * token is created; the graph stores only its sha256, as (:ApiToken {id, hash, role, name, ...}).
 * Authenticating a request costs one query (auth/find-token by id) and no cache, so a revocation
 * takes effect on the very next request.
 */

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as resolvers see it. */
export interface Caller {
  tokenId: string;
  name: string;
  role: Role;
  /** Passed on to the caller's writer (writerOf): the request's record of its writes. */
  onWrite?: Writer['onWrite'];
}

/** A token as listings show it: never its hash, never its secret. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface CreatedToken {
  id: string;
  /** The full token. Shown to the user once; nothing else holds it. */
  token: string;
  role: Role;
}

export interface RevokedToken {
  id: string;
  name: string;
  role: Role;
  revokedAt: string;
  revokedBy: string;
  /** True when the token had been revoked before this call (revokedAt/revokedBy are the first revocation's). */
  alreadyRevoked: boolean;
}

const PREFIX = 'cg';
const ID_LENGTH = 12;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_BYTES = 32;
// Fixed lengths make the split unambiguous even though base64url secrets may contain "_".
const TOKEN_PATTERN = /^cg_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const NAME_MAX = 100;

const RANK: Record<Role, number> = { reader: 1, editor: 2, admin: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** admin ≥ editor ≥ reader. */
export function roleSatisfies(have: Role, needed: Role): boolean {
  return RANK[have] >= RANK[needed];
}

/** How a token's owner appears as the author of a write (audit events, createdBy/updatedBy). */
export function writerOf(caller: Caller): Writer {
  return { by: `token:${caller.tokenId}`, role: caller.role, onWrite: caller.onWrite };
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function newId(): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i += 1) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

function asWriter(by: Writer | string): Writer {
  return typeof by === 'string' ? { by, role: 'system' } : by;
}

/**
 * Creates a token and returns it in full: the only time the secret exists outside the caller's
 * hands. Records a `createToken` audit event in the same transaction.
 */
export async function createToken(
  executor: Executor,
  input: { role: string; name?: string; by: Writer | string },
): Promise<CreatedToken> {
  if (!isRole(input.role)) {
    throw new BadUserInputError(`role must be one of ${ROLES.join(', ')}; got "${input.role}".`, 'role');
  }
  const role = input.role;
  const id = newId();
  const name = (input.name ?? `${role}-${id}`).trim();
  if (name.length === 0 || name.length > NAME_MAX) {
    throw new BadUserInputError(`name must be 1 to ${NAME_MAX} characters.`, 'name');
  }
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const hash = hashSecret(secret);
  const writer = asWriter(input.by);
  const at = new Date().toISOString();

  await executor.write(async (tx) => {
    const [row] = await tx.run('auth/create-token', { id, hash, role, name, at, by: writer.by });
    if (row?.created === true) {
      await recordAudit(tx, writer, at, {
        operation: 'createToken',
        summary: `created ${role} token ${id} ("${name}")`,
        changes: { tokenId: id, role, name },
      });
    }
  });
  return { id, token: `${PREFIX}_${id}_${secret}`, role };
}

/**
 * Revokes a token: the next request that sends it is UNAUTHENTICATED. Revoking a revoked token is
 * not an error; the answer says so (alreadyRevoked) and no second audit event is recorded.
 */
export async function revokeToken(
  executor: Executor,
  id: string,
  by: Writer | string,
): Promise<RevokedToken> {
  const writer = asWriter(by);
  const at = new Date().toISOString();
  return executor.write(async (tx) => {
    const [row] = await tx.run('auth/revoke-token', { id, at, by: writer.by });
    if (!row) throw new NotFoundError(`no API token has id "${id}".`, 'id');
    const result: RevokedToken = {
      id: row.id as string,
      name: row.name as string,
      role: row.role as Role,
      revokedAt: row.revokedAt as string,
      revokedBy: row.revokedBy as string,
      alreadyRevoked: row.alreadyRevoked === true,
    };
    if (!result.alreadyRevoked) {
      await recordAudit(tx, writer, at, {
        operation: 'revokeToken',
        summary: `revoked ${result.role} token ${id} ("${result.name}")`,
        changes: { tokenId: id },
      });
    }
    return result;
  });
}

/** Every token, oldest first, without hashes. */
export async function listTokens(executor: Executor): Promise<TokenInfo[]> {
  const rows = await executor.read('auth/list-tokens');
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    role: r.role as Role,
    createdAt: r.createdAt as string,
    createdBy: r.createdBy as string,
    revokedAt: (r.revokedAt as string | null) ?? null,
    revokedBy: (r.revokedBy as string | null) ?? null,
  }));
}

/** The audit events of a token's creation and revocation, oldest first. */
export async function tokenAuditTrail(
  executor: Executor,
  id: string,
): Promise<{ id: string; at: string; by: string; role: string; operation: string; summary: string }[]> {
  const rows = await executor.read('auth/token-audit', { prefix: `{"tokenId":${JSON.stringify(id)}` });
  return rows.map((r) => ({
    id: r.id as string,
    at: r.at as string,
    by: r.by as string,
    role: r.role as string,
    operation: r.operation as string,
    summary: r.summary as string,
  }));
}

const MALFORMED =
  'The Authorization header must be "Bearer <token>" with a claimgraph token (cg_<id>_<secret>).';
const INVALID =
  'The token is not valid (unknown or wrong); check it was copied whole, or ask an admin for a new one.';
const REVOKED = 'The token has been revoked; ask an admin for a new one.';

// Compared against when the id is unknown, so an unknown id costs the same work as a wrong secret.
const DUMMY_HASH = Buffer.alloc(32);

/**
 * The caller a request's Authorization header names. No header (or an empty one) → null: the
 * request is anonymous, and requireRole decides whether that is enough. A header that is present
 * but malformed, names an unknown token, carries the wrong secret, or names a revoked token →
 * UnauthenticatedError. The message never says whether the id or the secret was wrong.
 */
export async function authenticate(
  executor: Executor,
  authorizationHeader: string | undefined,
): Promise<Caller | null> {
  if (authorizationHeader === undefined || authorizationHeader.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader.trim());
  const parts = match ? TOKEN_PATTERN.exec(match[1]!) : null;
  if (!parts) throw new UnauthenticatedError(MALFORMED);
  const id = parts[1]!;
  const presented = Buffer.from(hashSecret(parts[2]!), 'hex');

  const [row] = await executor.read('auth/find-token', { id });
  const token = row?.token as Record<string, unknown> | undefined;
  const storedHex = typeof token?.hash === 'string' ? token.hash : '';
  const stored = /^[0-9a-f]{64}$/.test(storedHex) ? Buffer.from(storedHex, 'hex') : DUMMY_HASH;
  const same = timingSafeEqual(presented, stored);
  if (!token || !same || stored === DUMMY_HASH || !isRole(token.role)) {
    throw new UnauthenticatedError(INVALID);
  }
  if (token.revokedAt !== null && token.revokedAt !== undefined) throw new UnauthenticatedError(REVOKED);
  return { tokenId: id, name: String(token.name), role: token.role };
}

/**
 * The one authentication path of every HTTP transport (/graphql and /export): the caller a
 * request's Authorization header names (null: anonymous), refused with UNAUTHENTICATED (401) when
 * a header is sent but bad or revoked, or when REQUIRE_READ_TOKEN=true and none is sent. What
 * each operation then needs (editor for writes) is requireRole's business.
 */
export async function authenticateRequest(
  executor: Executor,
  authorizationHeader: string | undefined,
  config: { requireReadToken: boolean },
): Promise<Caller | null> {
  const caller = await authenticate(executor, authorizationHeader);
  if (config.requireReadToken && caller === null) {
    throw new UnauthenticatedError(
      'This server requires a token for reads: send "Authorization: Bearer <token>".',
    );
  }
  return caller;
}

/**
 * Throws unless the caller holds `needed` or a higher role (admin ≥ editor ≥ reader). `operation`
 * names what was attempted, for the message. Returns the caller, narrowed to non-null.
 */
export function requireRole(caller: Caller | null, needed: Role, operation: string): Caller {
  if (caller === null) {
    throw new UnauthenticatedError(
      `${operation} needs a token with the ${needed} role: send "Authorization: Bearer <token>".`,
    );
  }
  if (!roleSatisfies(caller.role, needed)) {
    throw new ForbiddenError(
      `${operation} needs the ${needed} role (or higher); the token "${caller.name}" has the ${caller.role} role.`,
    );
  }
  return caller;
}
