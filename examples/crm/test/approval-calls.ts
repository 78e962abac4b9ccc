import type { SessionClient } from '@tessera/runtime';

/** An approval task in a user's inbox, as the approval tests read it. */
export interface Task { approvalId: string; recordId: string; step: string }
/** An in-app notification, as the approval tests read it. */
export interface Note { subject: string | null; body: string; recordId: string }

/** A call that must succeed; its `data`, or an error naming the call and the answer. */
export async function ok(client: SessionClient, method: string, path: string, body?: unknown) {
  const res = await client.call(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.body.data;
}

export const inbox = async (client: SessionClient) => (await ok(client, 'GET', '/api/approvals/inbox')) as Task[];
export const notifications = async (client: SessionClient) => (await ok(client, 'GET', '/api/notifications')) as Note[];
