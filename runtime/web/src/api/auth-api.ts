import { requestJson } from './request-json';
import { setCsrfToken } from './session-state';

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

interface SessionAnswer {
  data: { user: SignedInUser; csrfToken: string | null };
}

/** `/api/auth/*`: each answer's CSRF token is kept for the writes that follow. */
export const authApi = {
  async me(): Promise<SignedInUser> {
    const { data } = await requestJson<SessionAnswer>('/api/auth/me');
    setCsrfToken(data.csrfToken);
    return data.user;
  },
  async login(username: string, password: string): Promise<SignedInUser> {
    const { data } = await requestJson<SessionAnswer>('/api/auth/login', { method: 'POST', body: { username, password } });
    setCsrfToken(data.csrfToken);
    return data.user;
  },
  async logout(): Promise<void> {
    await requestJson<void>('/api/auth/logout', { method: 'POST' });
    setCsrfToken(null);
  },
};
