import { createContext, useContext } from 'react';
import type { Capabilities, EntityCapabilities } from '../api/capabilities-api';

const CapabilitiesContext = createContext<Capabilities | undefined>(undefined);

/** The signed-in user's capabilities for every screen below (undefined while they load). */
export const CapabilitiesProvider = CapabilitiesContext.Provider;

export const useCapabilities = (): Capabilities | undefined => useContext(CapabilitiesContext);

/** One entity's capabilities; undefined while loading or for an entity the user may not touch at all. */
export const useEntityCapabilities = (entity: string): EntityCapabilities | undefined => useContext(CapabilitiesContext)?.entities[entity];
