import type { AppContext } from '../http/http-types';
import type { RecurringJob } from '../jobs/recurring-job-types';

/** Where traces go, as the OTEL_* variables chose it; absent when tracing is off. */
export interface TracingSettings {
  exporter: 'otlp' | 'console';
  /** The full OTLP/HTTP traces address (`…/v1/traces`); only for `otlp`. */
  url?: string;
  serviceName: string;
}

/** Answers one request inside its server span (the edge calls it only when tracing is on). */
export type RequestTracer = (ctx: AppContext, answer: () => Promise<void>) => Promise<void>;

/** A started tracer: the hooks the runtime wires in, and its end. */
export interface Tracing {
  settings: TracingSettings;
  request: RequestTracer;
  /** The same job, each run in a span of its own (the job's statements become its children). */
  job(job: RecurringJob): RecurringJob;
  /** Exports what is still buffered, then stops (bounded, so a silent collector cannot hold the exit). */
  shutdown(): Promise<void>;
}
