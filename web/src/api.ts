/**
 * The explorer's one way to the server: POST /graphql, as any client does (no private endpoint).
 * A GraphQL error becomes an ApiError carrying the server's message and its stable code, so every
 * view can say what happened in words.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface GqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string | null } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (err) {
    throw new ApiError(
      `The server did not answer (${err instanceof Error ? err.message : String(err)}). Is it running?`,
      'NETWORK_ERROR',
    );
  }
  let body: GqlResponse<T>;
  try {
    body = (await res.json()) as GqlResponse<T>;
  } catch {
    throw new ApiError(
      `The server answered HTTP ${res.status} without a GraphQL response.`,
      `HTTP_${res.status}`,
    );
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? `HTTP_${res.status}`);
  if (!body.data)
    throw new ApiError(`The server answered HTTP ${res.status} with no data.`, `HTTP_${res.status}`);
  return body.data;
}
