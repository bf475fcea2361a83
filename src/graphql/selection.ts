import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

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
