/**
 * Auto-fit: the largest whole pixel size in [min, max] at which `attempt` succeeds. `attempt`
 * lays the text out for real and returns undefined when it does not fit, so the size found
 * always fits: the search can only err towards a smaller size, never towards clipping.
 */
export async function largestFitting<T>(
  min: number,
  max: number,
  attempt: (size: number) => Promise<T | undefined>,
): Promise<{ size: number; value: T } | undefined> {
  const lo = Math.ceil(min);
  let hi = Math.floor(max);
  const first = await attempt(lo);
  if (first === undefined) return undefined;
  let best = { size: lo, value: first };
  // Line breaking makes "fits" nearly but not strictly monotonic in the size; binary search
  // finds a size that fits and is within a pixel or two of the largest.
  let low = lo + 1;
  while (low <= hi) {
    const mid = Math.floor((low + hi) / 2);
    const value = await attempt(mid);
    if (value === undefined) hi = mid - 1;
    else {
      best = { size: mid, value };
      low = mid + 1;
    }
  }
  return best;
}
