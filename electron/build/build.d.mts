export function buildAll(options?: { quiet?: boolean }): Promise<void>;
export function isStale(): boolean;
