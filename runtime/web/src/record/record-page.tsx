import { use, useMemo, useState } from 'react';
import type { RegistryWidgetsType } from '@rjsf/utils';
import type { AppDefinition, EntityDefinition, LayoutDefinition } from '@tessera/metadata';
import type { RecordData } from '../api/records-api';
import { createWidgets } from '../form/create-widgets';
import { RecordForm } from '../records/record-form';
import { WorkflowPanel } from '../workflow/workflow-panel';
import { ApprovalHistory } from '../approvals/approval-history';
import { RelatedLists } from './related-lists';
import { RecordTimeline } from './record-timeline';
import { PluginRecordPanels } from '../plugins/plugin-record-panels';
import type { LazySource } from './lazy-source';
import { useFieldTypeFactsNow } from '../field-types/field-types-context';
import { useEntityCapabilities } from '../permissions/capabilities-context';
import { useRecordCapabilities } from '../permissions/use-record-capabilities';
import { RecordLockNote } from '../locks/record-lock-note';

export interface RecordPageProps {
  entity: EntityDefinition;
  entities: readonly EntityDefinition[];
  layout?: LayoutDefinition;
  /** A loader is awaited here (under the shell's Suspense), like the field types: plugin widgets load with the first form. */
  pluginWidgets?: LazySource<RegistryWidgetsType>;
  hasWorkflow: boolean;
  recordId?: string;
  /** A new record's references from the route (`#/contacts/new?customer=<id>`). */
  prefill?: Readonly<Record<string, string>>;
  onDone: (saved?: RecordData) => void;
  /** For the approval history's step labels (issue 7). */
  app?: AppDefinition;
}

/**
 * One record: the form, the workflow buttons, the related lists, plugin panels and the timeline. Its own
 * chunk (with rjsf, ajv and the engine's form compiler), loaded when a record is opened.
 */
export default function RecordPage({ entity, entities, layout, pluginWidgets: widgetsSource, hasWorkflow, recordId, prefill, onDone, app }: RecordPageProps) {
  const pluginWidgets = typeof widgetsSource === 'function' ? use(widgetsSource()) : widgetsSource;
  const { registry } = useFieldTypeFactsNow();
  const widgets = useMemo(() => createWidgets(pluginWidgets), [pluginWidgets]);
  // A transition changes the record on the server: the form reloads it, the timeline too.
  const [reloadKey, setReloadKey] = useState(0);
  // Save, Delete and the workflow buttons only where the server would accept them: a new record
  // needs `create`; an existing one its own capabilities (the user's grants within their write scope).
  const grant = useEntityCapabilities(entity['x-name']);
  const mayOnRecord = useRecordCapabilities(entity['x-plural'], recordId, reloadKey);
  const canSave = recordId ? mayOnRecord?.update : Boolean(grant?.actions.includes('create'));
  return (
    <div className="t-record-page">
      {mayOnRecord?.locked && <RecordLockNote entity={entity} locked={mayOnRecord.locked} />}
      <RecordForm key={reloadKey} entity={entity} entities={entities} layout={layout} layouts={app?.layouts} registry={registry} widgets={widgets} recordId={recordId} prefill={prefill} onDone={onDone}
        canSave={canSave} canDelete={Boolean(mayOnRecord?.delete)} canTransfer={Boolean(mayOnRecord?.transfer)} hidden={grant?.hidden}
        onTransferred={() => setReloadKey((k) => k + 1)}>
        {recordId && hasWorkflow && mayOnRecord && (
          <WorkflowPanel entity={entity} recordId={recordId} reloadKey={reloadKey} canTransition={mayOnRecord.transition} onTransitioned={() => setReloadKey((k) => k + 1)} />
        )}
      </RecordForm>
      {recordId && hasWorkflow && app && <ApprovalHistory app={app} entity={entity['x-name']} recordId={recordId} reloadKey={reloadKey} />}
      {recordId && <RelatedLists entity={entity} entities={entities} recordId={recordId} />}
      {recordId && <PluginRecordPanels entity={entity} recordId={recordId} reloadKey={reloadKey} />}
      {recordId && <RecordTimeline entity={entity} recordId={recordId} reloadKey={reloadKey} />}
    </div>
  );
}
