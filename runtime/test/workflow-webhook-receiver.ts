import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A local endpoint that answers 500 to its first `failTimes` calls (Infinity: always), then 200. */
export async function webhookReceiver(failTimes: number): Promise<{ url: string; calls: Received[]; close(): Promise<void> }> {
  const calls: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.statusCode = calls.length <= failTimes ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, calls, close: () => new Promise((r) => server.close(() => r())) };
}
