import type { WorkflowMachineConfig } from '@tessera/metadata';
import type { Position } from './workflow-model';

export const COLUMN_WIDTH = 230;
export const ROW_HEIGHT = 120;

/**
 * Positions for states the layout does not place yet: a layered layout by BFS depth from the
 * initial state (one column per depth), unreachable states in a column after the last. Stored
 * positions win, so a hand-placed canvas is never rearranged.
 */
export function autoLayout(machine: WorkflowMachineConfig): Record<string, Position> {
  const stored = machine.meta?.layout ?? {};
  const names = Object.keys(machine.states);
  const depth = new Map<string, number>();
  const queue = machine.initial in machine.states ? [machine.initial] : [];
  if (queue.length) depth.set(machine.initial, 0);
  while (queue.length) {
    const state = queue.shift()!;
    const config = machine.states[state];
    const targets = [...Object.values(config.on ?? {}), ...Object.values(config.after ?? {})].map((t) => t.target);
    for (const target of targets) {
      if (!(target in machine.states) || depth.has(target)) continue;
      depth.set(target, depth.get(state)! + 1);
      queue.push(target);
    }
  }
  const last = Math.max(-1, ...depth.values());
  const rows = new Map<number, number>();
  const positions: Record<string, Position> = {};
  for (const name of names) {
    const column = depth.get(name) ?? last + 1;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions[name] = stored[name] ?? { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT };
  }
  return positions;
}
