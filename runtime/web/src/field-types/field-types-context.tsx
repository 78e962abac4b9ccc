import { createContext, use, useContext, useEffect, useState } from 'react';
import type { FieldTypeDefinition } from '@tessera/engine';
import type { FieldTypeFacts } from './field-type-facts';

/** Loads the app's field-type facts once (the same promise every time). */
export type FieldTypeFactsSource = () => Promise<FieldTypeFacts>;

/**
 * The app's one registry, for every screen (filters, forms, cells): the engine's built-ins plus
 * the app's plugin types (given, or a loader of them), built in a chunk of its own the first
 * time a screen asks, so the first screen does not wait for the engine.
 */
export function fieldTypeFactsSource(pluginTypes: readonly FieldTypeDefinition[] | (() => Promise<readonly FieldTypeDefinition[]>) = []): FieldTypeFactsSource {
  let facts: Promise<FieldTypeFacts> | undefined;
  return () => (facts ??= Promise.all([
    import('./create-field-type-facts'),
    typeof pluginTypes === 'function' ? pluginTypes() : Promise.resolve(pluginTypes),
  ]).then(([m, types]) => m.createFieldTypeFacts(types)));
}

const FieldTypesContext = createContext<FieldTypeFactsSource | undefined>(undefined);
export const FieldTypesProvider = FieldTypesContext.Provider;

function useSource(): FieldTypeFactsSource {
  const source = useContext(FieldTypesContext);
  if (!source) throw new Error('useFieldTypeFacts needs a <FieldTypesProvider> (mountApp gives one)');
  return source;
}

/** The facts, or undefined while their chunk loads: for screens that render before they need them (the list). */
export function useFieldTypeFacts(): FieldTypeFacts | undefined {
  const source = useSource();
  const [facts, setFacts] = useState<FieldTypeFacts>();
  useEffect(() => {
    let live = true;
    source().then((loaded) => live && setFacts(loaded), (e: Error) => console.error('field types failed to load:', e));
    return () => { live = false; };
  }, [source]);
  return facts;
}

/** The facts, suspending until they are loaded: for screens that cannot do without them (a form). */
export function useFieldTypeFactsNow(): FieldTypeFacts {
  return use(useSource()());
}
