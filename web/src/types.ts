/** The shapes the explorer's queries ask for (a subset of schema/*.graphql). */
export interface ActorRef {
  id: string;
  name: string;
}

export interface SourceRef {
  url: string;
  title: string | null;
  publishedAt?: string | null;
  publisher?: ActorRef | null;
}

export interface Excerpt {
  exact: string;
  prefix: string | null;
  suffix: string | null;
  start?: number;
  end?: number;
  source: SourceRef;
}

export interface ClaimRow {
  id: string;
  kind: string;
  content: string;
  status: string;
  statedOn: string | null;
  claimant: ActorRef;
  voice: ActorRef | null;
  targets: ActorRef[];
  evidence: Excerpt[];
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  edges: { node: T }[];
  pageInfo: PageInfo;
}

/** Fields every claim card shows. */
export const CLAIM_ROW = `
  id kind content status statedOn
  claimant { id name }
  voice { id name }
  targets { id name }
  evidence { exact prefix suffix source { url title publishedAt publisher { id name } } }
`;
