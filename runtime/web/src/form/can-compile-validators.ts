let answer: boolean | undefined;

/**
 * Whether this page may compile code, as ajv does to validate a form. The runtime's
 * Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') forbids it; then every
 * rjsf validation would fail with a CSP error and no form could be saved, so the form leaves
 * validation to the server, whose 422 details are shown at the fields. A probe of an empty
 * function body, asked once: nothing from metadata or the user is ever evaluated.
 */
export function canCompileValidators(): boolean {
  if (answer === undefined) {
    try {
      answer = typeof new Function('') === 'function';
    } catch {
      answer = false;
    }
  }
  return answer;
}
