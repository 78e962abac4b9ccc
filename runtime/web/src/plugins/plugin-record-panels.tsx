import { useEffect, useState } from 'react';
import type { EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordData } from '../api/records-api';
import { PluginContribution } from './plugin-contribution';
import { useEnabledPlugins, usePluginUi } from './plugin-ui-context';
import type { RecordPanelProps } from './plugin-ui-types';

/** The panels plugins contribute to this entity's record page, for enabled plugins; nothing when there are none. */
export function PluginRecordPanels({ entity, recordId, reloadKey }: { entity: EntityDefinition; recordId: string; reloadKey?: number }) {
  const { recordPanels = [] } = usePluginUi();
  const enabled = useEnabledPlugins();
  const name = entity['x-name'];
  const panels = recordPanels.filter((p) => p.entities.includes(name) && enabled?.has(p.plugin));
  const [record, setRecord] = useState<RecordData>();
  const plural = entity['x-plural'];
  const wanted = panels.length > 0;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    recordsApi.get(plural, recordId).then((r) => live && setRecord(r), () => undefined);
    return () => {
      live = false;
    };
  }, [wanted, plural, recordId, reloadKey]);
  if (!record || panels.length === 0) return null;
  return (
    <div className="t-plugin-panels" data-testid="plugin-panels">
      {panels.map((p) => (
        <PluginContribution<RecordPanelProps> key={`${p.plugin}/${p.id}`} plugin={p.plugin} id={p.id} title={p.title} kind="panel" component={p.component} props={{ entity: name, plural, record }} />
      ))}
    </div>
  );
}
