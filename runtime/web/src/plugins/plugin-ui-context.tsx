import { createContext, useContext, useEffect, useState } from 'react';
import { requestJson } from '../api/request-json';
import type { ApiFetch, PluginFetch, PluginUi } from './plugin-ui-types';

const PluginUiContext = createContext<PluginUi>({});
export const PluginUiProvider = PluginUiContext.Provider;
export const usePluginUi = (): PluginUi => useContext(PluginUiContext);

/** `fetch` for one plugin's routes, and `api` for the rest of `/api`; both the app's requestJson (CSRF, error envelope). */
export const pluginFetch = (plugin: string): PluginFetch => (path, init) => requestJson(`/api/plugins/${plugin}${path.startsWith('/') ? path : `/${path}`}`, init);
export const apiFetch: ApiFetch = (path) => requestJson(path);

/**
 * The names of the plugins enabled in this app (`GET /api/plugins`), undefined while loading:
 * contributions of a plugin the server does not run, or an admin switched off, are not shown.
 */
export function useEnabledPlugins(): ReadonlySet<string> | undefined {
  const [enabled, setEnabled] = useState<ReadonlySet<string>>();
  useEffect(() => {
    let live = true;
    requestJson<{ data: { name: string; enabled: boolean }[] }>('/api/plugins').then(
      (r) => live && setEnabled(new Set(r.data.filter((p) => p.enabled).map((p) => p.name))),
      () => live && setEnabled(new Set()),
    );
    return () => {
      live = false;
    };
  }, []);
  return enabled;
}
