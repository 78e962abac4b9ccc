import pg from 'pg';
import { METADATA_CHANNEL } from './apply-migration';

export interface MetadataListener {
  close(): Promise<void>;
}

/**
 * LISTENs on `tessera_metadata` with a connection of its own (a pooled one would be handed
 * to queries and lose the subscription) and calls `onVersion` for each `<app>:<version>` of
 * `appName`. Reconnects after a dropped connection and then calls `onVersion(undefined)`,
 * since notifications sent meanwhile are lost and the caller must re-read the store.
 * PGlite is one process with one connection: its publishes swap the state in place, so it
 * needs no listener.
 */
export function listenForMetadata(url: string, appName: string, onVersion: (version: number | undefined) => void, onError: (err: Error) => void): MetadataListener {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (reconnecting: boolean) => {
    const next = new pg.Client({ connectionString: url });
    client = next;
    next.on('notification', (msg) => {
      if (msg.channel !== METADATA_CHANNEL || !msg.payload) return;
      const at = msg.payload.lastIndexOf(':');
      if (msg.payload.slice(0, at) === appName) onVersion(Number(msg.payload.slice(at + 1)));
    });
    const again = (err?: Error) => {
      if (closed || client !== next) return;
      if (err) onError(err);
      client = undefined;
      next.end().catch(() => undefined);
      retry = setTimeout(() => void connect(true), 1000);
    };
    next.on('error', again);
    next.on('end', () => again());
    try {
      await next.connect();
      await next.query(`listen ${METADATA_CHANNEL}`);
      if (reconnecting) onVersion(undefined);
    } catch (err) {
      again(err as Error);
    }
  };
  const ready = connect(false);

  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await ready;
      await client?.end().catch(() => undefined);
    },
  };
}
