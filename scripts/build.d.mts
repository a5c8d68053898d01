/** Types for scripts/build.mjs (imported by test/bundle). */
export declare const ROOT: string;
export declare const GLOBAL_NAME: string;
export interface BuildOptions {
  entry?: string;
  menu?: string;
  contract?: string;
  server?: string;
  sidebarBuilder?: string;
  manifest?: string;
  outDir?: string;
  /** where the summary JSON goes; null = nowhere */
  buildManifest?: string | null;
  /** ship lazy entry points (default true) */
  lazy?: boolean;
  quiet?: boolean;
}
export declare const DEFAULTS: Required<BuildOptions>;
export interface BuildSummary {
  files: { name: string; bytes: number; gzip: number }[];
  entryPoints: { name: string; params: string[]; custom: boolean; source: string | null }[];
  inputs: number;
  notes: string[];
  ms: number;
}
export declare class BuildError extends Error {}
export declare function build(options?: BuildOptions): Promise<BuildSummary>;
