import { httpCall, type CallResult } from './http-call';

/** A signed-in caller: sends its session cookie on every request and the CSRF header on writes, like the web app. */
export interface SessionClient {
  user: { id: string; username: string; displayName: string; roles: string[] };
  cookie: string;
  csrfToken: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<CallResult>;
}

/** Signs in through `POST /api/auth/login`; throws with the server's answer when that fails. */
export async function createSessionClient(baseUrl: string, username: string, password: string): Promise<SessionClient> {
  const res = await httpCall(baseUrl, 'POST', '/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${res.text}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /tessera_session=[^;]+/.exec(setCookie)?.[0];
  if (!cookie) throw new Error(`login as ${username} set no session cookie`);
  const { user, csrfToken } = res.body.data;
  return {
    user,
    cookie,
    csrfToken,
    call(method, path, body, headers = {}) {
      const write = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
      return httpCall(baseUrl, method, path, body, { cookie, ...(write ? { 'x-csrf-token': csrfToken } : {}), ...headers });
    },
  };
}
