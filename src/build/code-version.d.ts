export function codeVersion(projectDir: string): string;
