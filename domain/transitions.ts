/**
 * State machines as data: a table from status to the actions allowed in it and the status each leads to.
 * Commands look the move up here and persist it with a conditional UPDATE on the `from` status.
 */
export type TransitionTable<S extends string, A extends string> = Record<S, Partial<Record<A, S>>>;

export function nextStatus<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  from: S,
  action: A,
): S | undefined {
  return table[from]?.[action];
}

export function allowedActions<S extends string, A extends string>(table: TransitionTable<S, A>, from: S): A[] {
  return Object.keys(table[from] ?? {}) as A[];
}
