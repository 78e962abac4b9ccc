import * as estree from 'prettier/plugins/estree';
import * as typescript from 'prettier/plugins/typescript';
import { format } from 'prettier/standalone';

/** Formats generated TypeScript the way json-schema-to-typescript would, without dynamic imports. */
export function formatTypeScript(source: string): Promise<string> {
  return format(source, { parser: 'typescript', plugins: [estree, typescript], printWidth: 120, singleQuote: true });
}
