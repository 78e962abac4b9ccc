import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, applyNodeChanges, type Connection, type Edge, type Node, type NodeChange, type NodeProps } from '@xyflow/react';
import type { WorkflowDefinition } from '@tessera/metadata';
import { autoLayout } from './auto-layout';
import { splitDelay } from './delay';
import type { Position as Point } from './workflow-model';

export type Selection = { kind: 'state'; state: string } | { kind: 'transition'; from: string; event: string } | { kind: 'timer'; from: string; ms: number };

type StateData = { name: string; initial: boolean; final: boolean; timers: string[]; approval: boolean };

/** A state: a box with a handle to drag transitions from (right) and one to drop them on (left). */
function StateNode({ data, selected }: NodeProps<Node<StateData>>) {
  const { t } = useTranslation();
  const classes = ['d-wf-node', data.initial && 'd-wf-initial', data.final && 'd-wf-final', selected && 'd-wf-selected'].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`wf-node-${data.name}`}>
      <Handle type="target" position={Position.Left} data-testid={`wf-in-${data.name}`} />
      {data.initial && <span className="d-wf-badge" title={t('workflow.initial')}>▶ {t('workflow.initial')}</span>}
      <strong>{data.name}</strong>
      {data.final && <span className="d-wf-badge">{t('workflow.final')}</span>}
      {data.approval && <span className="d-wf-badge">✔ {t('workflow.approval')}</span>}
      {data.timers.map((x) => <span key={x} className="d-wf-badge d-wf-timer">⏱ {x}</span>)}
      {!data.final && <Handle type="source" position={Position.Right} data-testid={`wf-out-${data.name}`} />}
    </div>
  );
}

const nodeTypes = { state: StateNode };

export interface WorkflowCanvasProps {
  workflow: WorkflowDefinition;
  selection?: Selection;
  onSelect: (s?: Selection) => void;
  onConnect: (from: string, to: string) => void;
  /** Called when a drag ends, with every state's position (so auto-placed states are kept too). */
  onMoved: (positions: Record<string, Point>) => void;
}

/** States as nodes, transitions as labelled edges, timers as dashed edges (and badges on the state). */
export function WorkflowCanvas({ workflow, selection, onSelect, onConnect, onMoved }: WorkflowCanvasProps) {
  const { t } = useTranslation();
  const positions = useMemo(() => autoLayout(workflow.machine), [workflow.machine]);
  const delayText = (ms: number) => { const d = splitDelay(ms); return t(`workflow.unitsShort.${d.unit}`, { count: d.amount }); };
  const computed = useMemo<Node<StateData>[]>(() => Object.entries(workflow.machine.states).map(([name, s]) => ({
    id: name,
    type: 'state',
    position: positions[name],
    selected: selection?.kind === 'state' && selection.state === name,
    data: { name, initial: workflow.machine.initial === name, final: s.type === 'final', approval: Boolean(s.approval), timers: Object.keys(s.after ?? {}).map((ms) => delayText(Number(ms))) },
  // eslint-disable-next-line react-hooks/exhaustive-deps
  })), [workflow, positions, selection, t]);
  const [nodes, setNodes] = useState(computed);
  useEffect(() => setNodes(computed), [computed]);

  const edges = useMemo<Edge[]>(() => Object.entries(workflow.machine.states).flatMap(([from, s]) => [
    ...Object.entries(s.on ?? {}).map(([event, tr]) => ({
      id: `on:${from}:${event}`, source: from, target: tr.target, label: tr.guard ? `${event} [${tr.guard.type}]` : event,
      markerEnd: { type: MarkerType.ArrowClosed }, selected: selection?.kind === 'transition' && selection.from === from && selection.event === event,
      data: { kind: 'transition', from, event }, ariaLabel: t('workflow.edgeLabel', { from, event, to: tr.target }),
    })),
    ...Object.entries(s.after ?? {}).filter(([, tr]) => tr.target !== from).map(([ms, tr]) => ({
      id: `after:${from}:${ms}`, source: from, target: tr.target, label: `⏱ ${delayText(Number(ms))}`, className: 'd-wf-timer-edge',
      markerEnd: { type: MarkerType.ArrowClosed }, data: { kind: 'timer', from, ms: Number(ms) },
    })),
  // eslint-disable-next-line react-hooks/exhaustive-deps
  ]), [workflow, selection, t]);

  return (
    <div className="d-wf-canvas" data-testid="wf-canvas">
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView minZoom={0.3}
        onNodesChange={(changes: NodeChange<Node<StateData>>[]) => setNodes((ns) => applyNodeChanges(changes, ns))}
        onNodeDragStop={(_, node) => onMoved(Object.fromEntries(nodes.map((n) => [n.id, n.id === node.id ? node.position : n.position])))}
        onNodeClick={(_, node) => onSelect({ kind: 'state', state: node.id })}
        onEdgeClick={(_, edge) => {
          const d = edge.data as { kind: string; from: string; event?: string; ms?: number };
          onSelect(d.kind === 'transition' ? { kind: 'transition', from: d.from, event: d.event! } : { kind: 'timer', from: d.from, ms: d.ms! });
        }}
        onPaneClick={() => onSelect(undefined)}
        onConnect={(c: Connection) => c.source && c.target && onConnect(c.source, c.target)}
        deleteKeyCode={null} proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
