/** Simulated milliseconds as the panel writes them: "12.5 s". */
export const seconds = (ms: number) => `${(ms / 1000).toLocaleString("en", { maximumFractionDigits: 3 })} s`;
