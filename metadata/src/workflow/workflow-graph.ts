import { isRecord, stringOr, type Json } from '../validation/app-views';

export interface WorkflowEdge {
  from: string;
  target: string;
  /** Path below the state list, e.g. [`draft`, `on`, `SUBMIT`]. */
  path: string[];
  /** `the event "SUBMIT" of the state "draft"`, for messages. */
  description: string;
}

/** The transitions of a machine as edges, read defensively (the shape may be invalid). */
export function workflowGraph(states: Record<string, Json>) {
  const edges: WorkflowEdge[] = [];
  for (const [from, state] of Object.entries(states)) {
    if (!isRecord(state)) continue;
    for (const kind of ['on', 'after'] as const) {
      const group = isRecord(state[kind]) ? state[kind] : {};
      for (const [key, t] of Object.entries(group)) {
        const target = isRecord(t) ? stringOr(t.target) : undefined;
        if (!target) continue;
        const description = kind === 'on' ? `the event "${key}" of the state "${from}"` : `the ${key} ms timer of the state "${from}"`;
        edges.push({ from, target, path: [from, kind, key], description });
      }
    }
  }
  const reachableFrom = (start: string): Set<string> => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      const s = queue.shift()!;
      for (const e of edges) if (e.from === s && !seen.has(e.target)) seen.add(e.target), queue.push(e.target);
    }
    return seen;
  };
  return { edges, reachableFrom };
}
