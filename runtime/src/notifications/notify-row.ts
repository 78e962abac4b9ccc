import { IN_APP_CHANNEL } from '@tessera/engine';
import type { RenderedNotification } from './render-notification';

/** The payload of a `notify` outbox row (apply-effects writes it in the transition's transaction). */
export interface NotifyPayload extends RenderedNotification {
  to: string[];
  entity: string;
  recordId: string;
  event?: string;
  /** Absent on rows written before channels existed: in-app only. */
  channels?: string[];
}

export interface NotifyRow {
  id: string;
  payload: NotifyPayload;
}

export const channelsOf = (p: NotifyPayload): string[] => p.channels ?? [IN_APP_CHANNEL];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Recipients that can be users at all (`to` may hold anything a workflow author typed). */
export const userIdsOf = (p: NotifyPayload): string[] => p.to.filter((id) => UUID.test(id));
