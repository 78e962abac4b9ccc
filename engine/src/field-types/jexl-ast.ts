/** A node of jexl's parsed expression tree (the fields Tessera reads of it). */
export interface AstNode {
  type: string;
  value?: unknown;
  name?: string;
  from?: AstNode;
  relative?: boolean;
  [key: string]: unknown;
}

/**
 * Visits every node of a jexl expression tree, depth first. `a.b` is an Identifier `b` whose
 * `from` is `a`: walking `from` reaches the field `a`.
 */
export function walkJexlAst(node: unknown, visit: (node: AstNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => walkJexlAst(child, visit));
  const ast = node as AstNode;
  if (typeof ast.type === 'string') visit(ast);
  for (const child of Object.values(ast)) walkJexlAst(child, visit);
}
