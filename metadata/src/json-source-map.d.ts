// json-source-map ships no types; this is the part of its API Tessera uses.
declare module 'json-source-map' {
  export interface SourceLocation {
    line: number;
    column: number;
    pos: number;
  }
  export interface PointerLocations {
    value: SourceLocation;
    valueEnd: SourceLocation;
    key?: SourceLocation;
    keyEnd?: SourceLocation;
  }
  export function parse(source: string): { data: unknown; pointers: Record<string, PointerLocations> };
}
