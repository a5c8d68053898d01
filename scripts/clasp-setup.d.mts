/** Types for scripts/clasp-setup.mjs (imported by test/bundle). */
export declare const ROOT: string;
export declare const ROOT_DIR: string;
export declare const DEFAULT_TITLE: string;
export declare function parseScriptId(input: unknown): string | null;
export declare function claspConfig(scriptId: string): { scriptId: string; rootDir: string };
export declare function checkConfig(root?: string): string | null;
export declare function createArgs(title?: string): string[];
export declare function writeConfig(scriptId: string, root?: string, options?: { force?: boolean }): string;
export declare function main(argv: string[], root?: string): number;
