import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects any of `names` directly (through inline fragments and
 * fragment spreads, not deeper). A resolver uses it to fetch in one query what its children will
 * ask for next, rather than in a second round trip.
 */
export function selectsAny(info: GraphQLResolveInfo, names: string[]): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((sel) => {
      if (sel.kind === Kind.FIELD) return names.includes(sel.name.value);
      if (sel.kind === Kind.INLINE_FRAGMENT) return walk(sel.selectionSet);
      if (seen.has(sel.name.value)) return false;
      seen.add(sel.name.value);
      return walk(info.fragments[sel.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => walk(node.selectionSet));
}

/**
 * Whether the field being resolved selects nothing but `names` (through inline fragments and
 * fragment spreads; `__typename` always allowed). A resolver that already holds those values
 * answers with them instead of loading the whole node: `evidence { source { url } }` needs no
 * source read, since the excerpt row carries its source's URL.
 */
export function selectsOnly(info: GraphQLResolveInfo, names: string[]): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean =>
    !set ||
    set.selections.every((sel) => {
      if (sel.kind === Kind.FIELD) return sel.name.value === '__typename' || names.includes(sel.name.value);
      if (sel.kind === Kind.INLINE_FRAGMENT) return walk(sel.selectionSet);
      if (seen.has(sel.name.value)) return true;
      seen.add(sel.name.value);
      const fragment = info.fragments[sel.name.value];
      return !!fragment && walk(fragment.selectionSet);
    });
  return info.fieldNodes.every((node) => walk(node.selectionSet));
}

/**
 * A related node the parent row names by its key: when the selection asks for nothing but that key
 * (`claim { id }`, `source { url }`), the node is answered from the row without a read; otherwise
 * `load` reads it (through a request loader, batched). The parent's row only names nodes that
 * exist, so the short answer is never a node the database lacks.
 */
export function keyOnlyOr<T>(
  info: GraphQLResolveInfo,
  key: string,
  value: unknown,
  load: () => Promise<T>,
): Promise<T | Record<string, unknown>> | Record<string, unknown> {
  return selectsOnly(info, [key]) ? { [key]: value } : load();
}

/**
 * The names of the fields selected at `path` below the field being resolved (through inline
 * fragments and fragment spreads at every level): `selectedAt(info, ['edges', 'node'])` is what a
 * connection's nodes show, so its page query can read those parts of each node and no others.
 */
export function selectedAt(info: GraphQLResolveInfo, path: string[]): Set<string> {
  const out = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet, depth, seen);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(sel.name.value)) continue;
        visit(info.fragments[sel.name.value]?.selectionSet, depth, new Set([...seen, sel.name.value]));
      } else if (depth === path.length) out.add(sel.name.value);
      else if (sel.name.value === path[depth]) visit(sel.selectionSet, depth + 1, seen);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0, new Set());
  return out;
}

/**
 * The Actor fields of a lean actor row: `a {.id, .name, .kind}`, what a claim row's 'names' part
 * (fragments/claim-row) and graph/attribution's lean nodes hold instead of fragments/actor-row.
 */
export const LEAN_ACTOR_FIELDS = ['id', 'name', 'kind'];

/**
 * Whether the actors selected at `path` below the field being resolved show nothing but
 * LEAN_ACTOR_FIELDS (or nothing at all there): a query can then read those three properties
 * rather than each actor's full row (roles, aliases, resolvedTo: expansions of what is, on a large
 * graph, a dense node).
 */
export function leanActors(info: GraphQLResolveInfo, path: string[]): boolean {
  return [...selectedAt(info, path)].every((f) => f === '__typename' || LEAN_ACTOR_FIELDS.includes(f));
}

/**
 * The field nodes named one of `names` directly below the field being resolved (through inline
 * fragments and fragment spreads), each once: a resolver that reads ahead for a child field
 * (Query.actor for the actor's first page of claims) takes their arguments and selections.
 */
export function selectedFields(info: GraphQLResolveInfo, names: string[]): FieldNode[] {
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) {
        if (names.includes(sel.name.value) && !out.includes(sel)) out.push(sel);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        visit(info.fragments[sel.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return out;
}
