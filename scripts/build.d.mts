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
  /** entry points whose code ships in the Server*.html files */
  serverEntries?: string[];
  /** RPC methods per server file (default SERVER_GROUPS; null = one Server.html with all) */
  serverGroups?: ServerGroup[] | null;
  /** size caps the build enforces (default LIMITS) */
  limits?: Limits;
  quiet?: boolean;
}
export interface ServerGroup {
  file: string;
  methods: string[];
  entries?: string[];
}
export interface Limits {
  SERVER_FILE_MAX: number;
  PROJECT_MAX: number;
}
export declare const SERVER_FILE: string;
export declare const SERVER_GROUPS: ServerGroup[];
export declare const LIMITS: Limits;
export declare const DEFAULTS: Required<Omit<BuildOptions, 'serverGroups' | 'limits'>> & { serverGroups: undefined; limits: undefined };
export interface BuildSummary {
  files: { name: string; bytes: number; gzip: number }[];
  entryPoints: { name: string; params: string[]; custom: boolean; source: string | null }[];
  inputs: number;
  /** each server file: the RPC methods it answers (null: all), its entry points, largest inputs */
  server: { file: string; methods: string[] | null; entries: string[]; inputs: { input: string; bytes: number }[] }[];
  notes: string[];
  ms: number;
}
export declare class BuildError extends Error {}
export declare function build(options?: BuildOptions): Promise<BuildSummary>;
