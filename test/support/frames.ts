/** One animation frame and the task queued after it: what one painted read (lib/otto/painted-read.ts) needs. */
export const frameAndTask = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));
