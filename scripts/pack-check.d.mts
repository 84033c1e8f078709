/** Types of scripts/pack-check.mjs (the pack-and-install checks of the published packages). */
export interface InstalledPackage {
  /** The temp folder (outside the repository) holding the tarball and the consumer project. */
  temp: string;
  /** The consumer project: package.json with "type": "module", the tarball installed by npm. */
  project: string;
  tarball: string;
  /** Paths inside the tarball, sorted. */
  files: string[];
  write(name: string, text: string): void;
  run(...args: string[]): Promise<string>;
  exec(file: string, args: string[]): Promise<string>;
  tsc(config: string): string;
  cleanup(): void;
}
export function packAndInstall(packageDir: string, options?: { extra?: string[] }): InstalledPackage;
export function tsconfigs(
  include: string[],
  options?: { lib?: string[] },
): Record<"tsconfig.nodenext.json" | "tsconfig.bundler.json" | "tsconfig.node10.json", unknown>;
