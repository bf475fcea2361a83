/**
 * What one GraphQL request may ask for, checked before any database work.
 *
 * Two checks run over the operation after Apollo has parsed and validated it, with the
 * variables coerced and the defaults applied (so `first: $n` counts like `first: 100`):
 *
 * - the **node limit**: the number of objects the query could return, each list weighing its
 *   `first` (paginated) or its documented cap (unpaginated), multiplied down the tree, the way
 *   GitHub's GraphQL API computes its node limit. Scalars (and lists of scalars) weigh nothing.
 * - **list-argument caps**: every list passed as an argument or inside an input object is at most
 *   its documented length (20,000 actor refs are refused at once, not resolved in parallel).
 *
 * A hand-written walk rather than graphql-query-complexity: that library sums per-field
 * estimates, whereas the node count is a product down the tree that needs, per field, both the
 * coerced `first` and the caps below; the list-argument check needs the same coerced arguments,
 * so one walk with graphql-js's own coercion (getVariableValues / getArgumentValues) does both.
 *
 * Caps of unpaginated lists are a promise: `enforceListCaps` makes a list that resolves longer
 * than its cap an error (LIMIT_EXCEEDED, with the path), never a silently shortened answer.
 */
import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  defaultFieldResolver,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ClaimgraphError, LimitExceededError, QueryTooComplexError } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/** The most objects one request may be able to return. */
export const NODE_LIMIT = 250_000;

/** The cap of a list (field or argument) not named in the tables below. */
export const DEFAULT_LIST_CAP = 100;

/**
 * Unpaginated lists of objects: the most entries each holds. It is the list's weight in the node
 * count and, enforced when resolved, the longest answer it gives (longer is LIMIT_EXCEEDED).
 */
export const LIST_FIELD_CAPS: Readonly<Record<string, number>> = {
  'Actor.roles': 50,
  'Claim.targets': 25,
  'Claim.about': 25,
  'Claim.denies': 25,
  'Claim.deniedBy': 100,
  'Claim.contradictedBy': 100,
  'Claim.figures': 25,
  'Claim.evidence': 25,
  'Claim.history': 100,
  // CLAIMANT, VOICE, then per source REPORTED_BY and SOURCE, one EXCERPT per excerpt and a
  // TRANSLATION_OF after each translated one: at most 2 + 25 × 4 = 102 (Claim.evidence is 25).
  'Claim.provenance': 125,
  'Event.parties': 50,
  'Event.mediators': 50,
  'Dispute.denials': 100,
  'Dispute.contradictions': 100,
  // At most two actors per edge plus the named actors.
  'AttributionGraph.nodes': 10_050,
  'AttributionGraph.edges': 5000,
  // A claim's sources: addEvidence stops at 15 (more would weigh a full graph over the node limit).
  'AttributionEdge.sources': 15,
  'Query.connections': 25,
  // maxHops is at most 6: 7 steps.
  'Path.steps': 7,
  'Timeline.claims': 1000,
  'Timeline.weeks': 2000,
  'TimelineWeek.counts': 5,
  // One draft per attribution found in one source: a long article has a few dozen.
  'Extraction.drafts': 500,
  // Issue 12. Copy candidates: provenance/similar-sources reads at most 50.
  'Source.copyCandidates': 50,
  // Outlets that ran one story: a wire story is syndicated widely.
  'Source.copies': 1000,
  // Within one claim's evidence (at most 25 excerpts).
  'Excerpt.translations': 25,
  'Corroboration.origins': 25,
  'Origin.sources': 25,
  // Issue 12: recheckSource refuses a source's 101st snapshot (src/writes/recheck.ts MAX_SNAPSHOTS),
  // and keeps at most 5 candidates per orphan (src/anchoring MAX_CANDIDATES).
  'Source.snapshots': 100,
  'Excerpt.candidates': 5,
};

/**
 * List arguments and list fields of input objects: the longest list accepted. Keys are
 * `Type.field(argument)` for arguments and `InputType.field` for input fields.
 */
export const LIST_ARGUMENT_CAPS: Readonly<Record<string, number>> = {
  'Query.attributionGraph(actors)': 50,
  'Query.attributionGraph(kinds)': 5,
  'CreateActorInput.aliases': 50,
  'RecordClaimInput.targets': 25,
  'RecordClaimInput.denies': 25,
  'RecordClaimInput.figures': 25,
  'DraftEdits.targets': 25,
  'DraftEdits.figures': 25,
};

export function listFieldCap(typeName: string, fieldName: string): number {
  return LIST_FIELD_CAPS[`${typeName}.${fieldName}`] ?? DEFAULT_LIST_CAP;
}

function listArgumentCap(key: string): number {
  return LIST_ARGUMENT_CAPS[key] ?? DEFAULT_LIST_CAP;
}

/** A paginated field: it takes `first` (and connections `last`); its list is itself or its connection's `edges`. */
function isPaginated(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => a.name === 'first');
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Nodes per unit of multiplier under a fragment, by fragment name and page size. */
  memo: Map<string, number>;
}

/** The page size a `first` (or `last`) argument asks for, as the resolvers apply it (default, capped at 100). */
function pageSize(args: Record<string, unknown>): number {
  const first = typeof args.first === 'number' ? args.first : args.last;
  if (typeof first !== 'number') return DEFAULT_PAGE_SIZE;
  return Math.max(0, Math.min(first, MAX_PAGE_SIZE));
}

function included(walk: Walk, node: { directives?: readonly unknown[] }): boolean {
  const n = node as FieldNode;
  const skip = getDirectiveValues(GraphQLSkipDirective, n, walk.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, n, walk.variables);
  return include?.if !== false;
}

/**
 * The objects a selection could return per object of `type`. `page` is the page size of the
 * enclosing paginated field when `type` is its connection (its `edges` list weighs it).
 */
function countSelections(
  walk: Walk,
  selectionSet: SelectionSetNode,
  type: GraphQLCompositeType,
  page: number | null,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === 'InlineFragment') {
      const on = selection.typeCondition
        ? (walk.schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined)
        : type;
      if (on) total += countSelections(walk, selection.selectionSet, on, page);
    } else if (selection.kind === 'FragmentSpread') {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment) continue;
      // A fragment spread many times (or fragments spreading fragments) is counted once per page
      // size: without this, a few hundred tokens could make the count itself take forever.
      const key = `${name}:${page ?? ''}`;
      let count = walk.memo.get(key);
      if (count === undefined) {
        const on = walk.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
        count = on ? countSelections(walk, fragment.selectionSet, on, page) : 0;
        walk.memo.set(key, count);
      }
      total += count;
    } else {
      total += countField(walk, selection, type, page);
    }
    if (total > NODE_LIMIT * 1000) return total; // already refused: stop counting
  }
  return total;
}

function fieldDefinition(
  type: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function countField(walk: Walk, node: FieldNode, parent: GraphQLCompositeType, page: number | null): number {
  const name = node.name.value;
  if (name.startsWith('__')) return 0; // __typename, and introspection (bounded by the schema)
  const field = fieldDefinition(parent, name);
  if (!field) return 0;
  const named = getNamedType(field.type);
  const args = coerceArguments(field, node, walk.variables);
  if (args) checkListArguments(parent.name, field, args);
  if (!isCompositeType(named) || !node.selectionSet) return 0;

  const isList = isListType(getNullableType(field.type));
  let weight = 1;
  let childPage: number | null = null;
  if (isPaginated(field)) {
    const size = pageSize(args ?? {});
    if (isList) weight = size;
    else childPage = size; // a connection: its edges weigh `first`
  } else if (isList) {
    weight = page !== null && (name === 'edges' || name === 'nodes') ? page : listFieldCap(parent.name, name);
  }
  return weight * (1 + countSelections(walk, node.selectionSet, named, childPage));
}

function coerceArguments(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> | null {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return null; // a bad argument: execution reports it, before any resolver runs
  }
}

function checkListArguments(
  typeName: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
) {
  for (const arg of field.args as readonly GraphQLArgument[]) {
    if (args[arg.name] === undefined) continue;
    checkValue(`${typeName}.${field.name}(${arg.name})`, arg.name, arg.type, args[arg.name]);
  }
}

/** Walks a coerced input value; refuses any list longer than its cap. `where` is the client's path. */
function checkValue(key: string, where: string, type: GraphQLInputType, value: unknown): void {
  if (value === null || value === undefined) return;
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) {
    if (!Array.isArray(value)) return;
    const cap = listArgumentCap(key);
    if (value.length > cap) {
      throw new LimitExceededError(
        `${where}: at most ${cap} entries are accepted, got ${value.length}; send fewer (in several requests if need be)`,
        { field: where, limit: cap, got: value.length },
      );
    }
    value.forEach((item, i) => checkValue(`${key}[]`, `${where}[${i}]`, t.ofType as GraphQLInputType, item));
  } else if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[name];
      if (f) checkValue(`${t.name}.${name}`, `${where}.${name}`, f.type, v);
    }
  }
}

/**
 * Refuses the operation (QueryTooComplexError, LimitExceededError) or returns the node count.
 * Returns null when the variables do not coerce: execution then reports them, touching nothing.
 */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, {
    maxErrors: 1,
  });
  if (coerced.errors) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const walk: Walk = {
    schema,
    fragments: new Map(
      document.definitions.flatMap((d) =>
        d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [],
      ),
    ),
    variables: coerced.coerced,
    memo: new Map(),
  };
  const nodes = countSelections(walk, operation.selectionSet, root, null);
  if (nodes > NODE_LIMIT) {
    const shown =
      nodes > NODE_LIMIT * 1000
        ? `more than ${(NODE_LIMIT * 1000).toLocaleString('en-US')}`
        : nodes.toLocaleString('en-US');
    throw new QueryTooComplexError(
      `query too complex: it could return ${shown} nodes, more than the limit of ${NODE_LIMIT.toLocaleString('en-US')}; ` +
        'ask for smaller pages (`first`) or nest fewer lists',
      { nodes: Math.min(nodes, Number.MAX_SAFE_INTEGER), limit: NODE_LIMIT },
    );
  }
  return nodes;
}

/**
 * Makes every unpaginated list of objects keep its documented cap: a list that resolves longer is
 * an error at its path, not a truncated answer, so the node count above stays an upper bound.
 */
export function enforceListCaps(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type)) || !isCompositeType(getNamedType(field.type))) continue;
      if (isPaginated(field) || type.name.endsWith('Connection')) continue;
      const cap = listFieldCap(type.name, field.name);
      const resolve = field.resolve ?? defaultFieldResolver;
      const where = `${type.name}.${field.name}`;
      field.resolve = async (source, args, context, info) => {
        const resolved: unknown = await resolve(source, args, context, info);
        if (Array.isArray(resolved) && resolved.length > cap) {
          throw new LimitExceededError(
            `${where}: this answer has ${resolved.length} entries, more than the documented cap of ${cap}`,
            { field: where, limit: cap, got: resolved.length },
          );
        }
        return resolved;
      };
    }
  }
  return schema;
}

/** For the Apollo plugin: a ClaimgraphError as a GraphQLError carrying its HTTP status. */
export function requestError(err: ClaimgraphError): GraphQLError {
  return new GraphQLError(err.message, {
    originalError: err,
    extensions: { code: err.code, ...err.details, http: { status: err.httpStatus } },
  });
}
