import { readConfig } from '../config/read-config';
import { startTracing, tracingSettings } from './tracing';

const settings = (env: NodeJS.ProcessEnv) => tracingSettings(readConfig(env));

describe('tracingSettings', () => {
  it('is off when nothing is configured, and startTracing then starts nothing', () => {
    expect(settings({})).toBeUndefined();
    expect(settings({ OTEL_SERVICE_NAME: 'crm' })).toBeUndefined();
    expect(startTracing(readConfig({}), console)).toBeUndefined();
  });

  it('exports to the base endpoint plus /v1/traces, or to the traces endpoint as given', () => {
    expect(settings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({ exporter: 'otlp', url: 'http://collector:4318/v1/traces', serviceName: 'tessera' });
    expect(settings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/in', OTEL_SERVICE_NAME: 'crm' })).toEqual({ exporter: 'otlp', url: 'https://traces.example.com/in', serviceName: 'crm' });
  });

  it('follows OTEL_TRACES_EXPORTER: otlp alone means the local collector, none wins over an endpoint', () => {
    expect(settings({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual({ exporter: 'otlp', url: 'http://localhost:4318/v1/traces', serviceName: 'tessera' });
    expect(settings({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBeUndefined();
    expect(settings({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ exporter: 'console', serviceName: 'tessera' });
  });

  it('refuses what the SDK would silently ignore, naming the variable', () => {
    expect(() => readConfig({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow('OTEL_TRACES_EXPORTER: must be one of otlp, console, none (got "jaeger")');
    expect(() => readConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow('OTEL_EXPORTER_OTLP_ENDPOINT: must be an http:// or https:// URL (got "collector:4318")');
    expect(() => readConfig({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow('OTEL_TRACES_SAMPLER: must be one of always_on');
    expect(() => readConfig({ OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow('OTEL_TRACES_SAMPLER_ARG: must be a number from 0 to 1 (got "1.5")');
    // Headers carry API keys: named, never echoed.
    let message = '';
    try {
      readConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('OTEL_EXPORTER_OTLP_HEADERS: must be key=value pairs separated by commas');
    expect(message).not.toContain('x-api-key');
    expect(readConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=abc,tenant=7', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' })).toMatchObject({ OTEL_TRACES_SAMPLER_ARG: 0.25 });
  });
});
